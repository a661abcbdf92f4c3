import type { ExportProtocol, Fingerprint, FingerprintTask, RenderResult, RenderTask } from './export-protocol';
import { createWorkerPool, type WorkerPool } from '../../workers/worker-pool';

/** The export's worker threads, started on first use. */
let pool: WorkerPool<ExportProtocol> | null = null;
const exportPool = () => (pool ??= createWorkerPool<ExportProtocol>('export-worker', { pixelWork: true }));

export const exportThreads = (): number => exportPool().threads;

export async function closeExportPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}

/** No signal: a render writes a file, and is let finish so nothing is written after clean-up. */
export function renderInWorker(task: RenderTask): Promise<RenderResult> {
  return exportPool().call('render', task);
}

/** Only reads, so an abort may stop it mid-way. */
export function fingerprintInWorker(task: FingerprintTask, signal?: AbortSignal): Promise<Fingerprint[]> {
  return exportPool().call('fingerprint', task, signal);
}
