import sharp from 'sharp';
import { fingerprintImages, type Fingerprint, type FingerprintTask } from './export-fingerprint';
import { renderImage, type RenderResult, type RenderTask } from './export-render';
import { serveRequests } from './worker-protocol';

/**
 * Worker entry for the export and its pre-export check: all of their pixel
 * work runs here, off the main event loop. Its requests (see worker-protocol):
 */
export type ExportProtocol = {
  /** one image as the trainer gets it, written to the export folder */
  render: { task: RenderTask; result: RenderResult };
  /** what each image's pixels are, to find duplicates before an export */
  fingerprint: { task: FingerprintTask; result: Fingerprint[] };
};

export type { Fingerprint, FingerprintTask, RenderResult, RenderTask };

// libvips keeps its own cache of open images; each file is read once
sharp.cache(false);

export default serveRequests<ExportProtocol>({
  render: (task) => renderImage(task),
  fingerprint: (task) => fingerprintImages(task),
});
