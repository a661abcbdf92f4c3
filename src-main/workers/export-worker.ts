import sharp from 'sharp';
import { fingerprintImages, type Fingerprint, type FingerprintTask } from './export-fingerprint';
import { renderImage, type RenderResult, type RenderTask } from './export-render';

/**
 * Worker entry for the export and its pre-export check: all of their pixel
 * work runs here, off the main event loop. Run through
 * `createWorkerPool<typeof exportWorker>('export-worker')`.
 */
export type ExportWorkerTask = ({ kind: 'render' } & RenderTask) | ({ kind: 'fingerprint' } & FingerprintTask);

export type ExportWorkerResult = { kind: 'render'; result: RenderResult } | { kind: 'fingerprint'; results: Fingerprint[] };

export type { Fingerprint, FingerprintTask, RenderResult, RenderTask };

// libvips keeps its own cache of open images; each file is read once
sharp.cache(false);

export default async function exportWorker(task: ExportWorkerTask): Promise<ExportWorkerResult> {
  switch (task.kind) {
    case 'render':
      return { kind: 'render', result: await renderImage(task) };
    case 'fingerprint':
      return { kind: 'fingerprint', results: await fingerprintImages(task) };
  }
}
