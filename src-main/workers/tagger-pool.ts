import { Piscina } from 'piscina';
import type { TaggerPool, TaggerRequest, TaggerResponse } from '../core/autotag/tagger-protocol';
import { workerEntry } from './worker-pool';

/**
 * One tagger thread. Two requests may be inside it at once: the next batch
 * decodes while the current one is in the model (the worker runs one
 * inference at a time). The thread lives as long as the pool: an idle
 * timeout would drop the loaded model, which takes seconds to load again.
 */
export function createTaggerPool(): TaggerPool & { destroy(): Promise<void> } {
  const entry = workerEntry('tagger-worker');
  const pool = new Piscina({
    filename: entry.filename,
    execArgv: entry.execArgv,
    minThreads: 1,
    maxThreads: 1,
    concurrentTasksPerWorker: 2,
    idleTimeout: Number.MAX_SAFE_INTEGER,
  });
  return {
    run: (request: TaggerRequest) => pool.run(request) as Promise<TaggerResponse>,
    destroy: () => pool.destroy(),
  };
}
