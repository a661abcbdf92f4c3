/**
 * A worker file's requests, one union keyed on `kind`: per kind, the task it
 * takes and the answer it gives. The pool's `call` and the worker's handlers
 * are both typed from it, so a result is never cast where it is used.
 */
export type WorkerProtocol = Record<string, { task: object; result: unknown }>;

/**
 * Threads that serve one protocol: what core asks of them. Core declares the
 * protocol and calls; workers/ makes the threads (createWorkerPool) and the
 * api host hands them in, so no domain file starts a thread of its own.
 */
export interface ThreadPool<P extends WorkerProtocol> {
  call<K extends keyof P & string>(kind: K, task: P[K]['task'], signal?: AbortSignal): Promise<P[K]['result']>;
  /** how many threads it runs at most: callers keep about two requests in flight per thread */
  readonly threads: number;
  destroy(): Promise<void>;
}

/** a protocol whose threads can be started ahead of need: `warm` loads a thread and does nothing */
type Warmable = { warm: { task: object; result: null } };

/**
 * Start every thread of a pool now, rather than when the first real request
 * waits for it: from source, a thread takes a few hundred milliseconds to
 * load. One warm call per thread, sent at once, so each starts its own.
 */
export async function startAllThreads<P extends WorkerProtocol & Warmable>(pool: ThreadPool<P>): Promise<void> {
  await Promise.all(Array.from({ length: pool.threads }, () => pool.call('warm', {})));
}
