// the protocol's shape is core's (core/perf/thread-pool): core declares each protocol, a worker file serves it
import type { WorkerProtocol } from '../core/perf/thread-pool';

/**
 * What crosses to the thread: the request's kind beside its task, never
 * merged into it, so a task may have fields of any name (a render task's
 * own `kind` says thumbnail or preview).
 */
export type WorkerRequest<P extends WorkerProtocol> = { [K in keyof P & string]: { kind: K; task: P[K]['task'] } }[keyof P & string];

/** the worker's side: one handler per kind */
export type WorkerHandlers<P extends WorkerProtocol> = {
  [K in keyof P & string]: (task: P[K]['task']) => P[K]['result'] | Promise<P[K]['result']>;
};

/** the worker file's default export: each request's task to its kind's handler */
export function serveRequests<P extends WorkerProtocol>(handlers: WorkerHandlers<P>) {
  return async (request: WorkerRequest<P>): Promise<P[keyof P & string]['result']> =>
    (handlers[request.kind] as (task: P[keyof P & string]['task']) => P[keyof P & string]['result'])(request.task);
}
