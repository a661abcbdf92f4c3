import type { ThreadPool, WorkerProtocol } from '../core/perf/thread-pool';
import type { ThreadPools } from '../core/perf/thread-pools';
import { createWorkerPool } from './worker-pool';

/**
 * The pools core runs on (core/perf/thread-pools), made by whoever wires core
 * to a transport: createApiHost, a test, the bench. None starts a thread
 * before its first call. `close` ends every pool made here, a render pool its
 * user has not destroyed yet included.
 *
 * A destroyed pool refuses calls: piscina would start threads again for a
 * late call (a probe racing the shutdown), and they would outlive the host.
 */
export function createThreadPools(): ThreadPools & { close(): Promise<void> } {
  const open = new Set<{ destroy(): Promise<void> }>();
  let closed = false;
  const made = <P extends WorkerProtocol>(pool: ThreadPool<P>): ThreadPool<P> => {
    // destroyed once, by its user or by close, whichever comes first
    let destroyed: Promise<void> | null = closed ? pool.destroy() : null;
    const tracked: ThreadPool<P> = {
      threads: pool.threads,
      call: (kind, task, signal) =>
        destroyed ? Promise.reject(new Error(`The worker threads are closed: ${kind} was not run`)) : pool.call(kind, task, signal),
      destroy: () => {
        open.delete(tracked);
        return (destroyed ??= pool.destroy());
      },
    };
    if (!destroyed) open.add(tracked);
    return tracked;
  };
  return {
    // not pixel work: the scan's threads hand back whole folders' results and keep V8's default young generation (see worker-pool)
    scan: made(createWorkerPool('probe-worker')),
    export: made(createWorkerPool('export-worker', { pixelWork: true })),
    render: (maxThreads) => made(createWorkerPool('render-worker', { maxThreads, pixelWork: true })),
    close: async () => {
      closed = true;
      await Promise.all([...open].map((pool) => pool.destroy()));
    },
  };
}
