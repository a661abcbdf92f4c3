import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ThreadPool, WorkerProtocol } from '../core/perf/thread-pool';
import type { WorkerRequest } from './worker-protocol';

/**
 * The young generation, in MB, of pools made with `pixelWork` (thumbnails,
 * previews, export). V8 grows it to 16 MB per half by default; these threads
 * keep little JavaScript alive (pixels and file bytes live outside the heap),
 * so the room only held garbage, and capping it lowers the process's peak
 * memory at no loss of speed. Not for the scan pool: its threads hand back
 * results for whole folders, and capped, a large import stalled the main
 * thread far longer (the bench's import phase shows it).
 */
const PIXEL_WORK_YOUNG_GENERATION_MB = 2;

const moduleDir = dirname(fileURLToPath(import.meta.url));

/**
 * In the packaged app the entry stays inside app.asar, where the ASAR integrity
 * check covers it: Electron's worker threads read the archive like its main
 * thread does (its asar fs hooks are installed in every worker).
 */
export function workerEntry(name: string, here = moduleDir): { filename: string; execArgv: string[] } {
  // bundled: this code may sit in out/main or in a shared chunk below it (out/main/chunks)
  for (const dir of [here, dirname(here)]) {
    for (const candidate of [join(dir, 'workers', `${name}.js`), join(dir, `${name}.js`)]) {
      if (existsSync(candidate)) return { filename: candidate, execArgv: [] };
    }
  }
  return { filename: join(here, `${name}.ts`), execArgv: ['--import', 'tsx'] };
}

/**
 * Worker threads for pixel work and other heavy jobs, so the main event loop
 * never blocks. Each worker entry is a file in this folder whose default
 * export serves its protocol (see worker-protocol); `P` is that protocol.
 * No thread starts before the first call (minThreads 0).
 *
 * From source (tests, `tsx`) the entry is the .ts file, loaded through tsx;
 * in the bundled app it is the .js file electron-vite emits beside this one.
 * `tasksPerThread`: how many tasks each thread is handed at once (it does
 * them one after the other); more than one where the caller's own thread
 * blocks between messages (see shareWork), so the worker does not wait for
 * it to hand over the next.
 */
export function createWorkerPool<P extends WorkerProtocol>(
  name: string,
  options: { maxThreads?: number; idleTimeoutMs?: number; pixelWork?: boolean; tasksPerThread?: number } = {},
): ThreadPool<P> {
  const threads = Math.max(1, options.maxThreads ?? availableParallelism());
  const entry = workerEntry(name);
  const pool = new Piscina({
    filename: entry.filename,
    execArgv: entry.execArgv,
    minThreads: 0,
    maxThreads: threads,
    // idle threads cost memory; a scan or thumbnail burst spins them up again
    idleTimeout: options.idleTimeoutMs ?? 10_000,
    // tasks queued in the thread itself: it starts the next as soon as one is done, not when this thread next takes a message
    concurrentTasksPerWorker: options.tasksPerThread ?? 1,
    ...(options.pixelWork ? { resourceLimits: { maxYoungGenerationSizeMb: PIXEL_WORK_YOUNG_GENERATION_MB } } : {}),
  });
  return {
    threads,
    // the one place an answer is typed: the worker's handler for `kind` made it (serveRequests)
    call: (kind, task, signal) => pool.run({ kind, task } satisfies WorkerRequest<P>, signal ? { signal } : {}) as Promise<P[typeof kind]['result']>,
    destroy: () => pool.destroy(),
  };
}
