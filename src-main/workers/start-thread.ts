import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { workerEntry } from './worker-pool';

const moduleDir = dirname(fileURLToPath(import.meta.url));

/**
 * One long-lived thread running the worker file `name` (a pool's threads are
 * Piscina's). Bundled, the entry is the emitted .js; from source it is the
 * .ts, loaded through from-source.cjs.
 */
export function startThread<D extends object>(name: string, workerData: D): Worker {
  const entry = workerEntry(name);
  if (!entry.filename.endsWith('.ts')) return new Worker(entry.filename, { workerData });
  return new Worker(join(moduleDir, 'from-source.cjs'), { execArgv: entry.execArgv, workerData: { ...workerData, sourceEntry: entry.filename } });
}
