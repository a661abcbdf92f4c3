import type { ExportProtocol } from '../export/export-protocol';
import type { RenderProtocol } from '../images/render-protocol';
import type { ScanProtocol } from '../scan/scan-protocol';
import type { ThreadPool } from './thread-pool';

/**
 * The worker threads core's heavy work runs on, one pool per job: core says
 * what it needs here, and createApiHost makes them (workers/thread-pools.ts)
 * and ends them on shutdown. Each starts its threads on first use.
 */
export interface ThreadPools {
  /** header checks, an import's walk's stats and its copies */
  readonly scan: ThreadPool<ScanProtocol>;
  /** an export's renders and its check's fingerprints */
  readonly export: ThreadPool<ExportProtocol>;
  /** thumbnails and previews on at most `maxThreads` threads (the image service's concurrency); the caller destroys it */
  render(maxThreads: number): ThreadPool<RenderProtocol>;
}
