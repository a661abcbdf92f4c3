// the protocol's shape is core's (core/perf/thread-pool): core declares each protocol, a worker file serves it
import type { WorkerProtocol } from '../core/perf/thread-pool';

/** what crosses to the thread: a task with its kind */
export type WorkerRequest<P extends WorkerProtocol> = { [K in keyof P & string]: { kind: K } & P[K]['task'] }[keyof P & string];

/** the worker's side: one handler per kind */
export type WorkerHandlers<P extends WorkerProtocol> = {
  [K in keyof P & string]: (task: { kind: K } & P[K]['task']) => P[K]['result'] | Promise<P[K]['result']>;
};

/** the worker file's default export: each request to its kind's handler */
export function serveRequests<P extends WorkerProtocol>(handlers: WorkerHandlers<P>) {
  return async (request: WorkerRequest<P>): Promise<P[keyof P & string]['result']> =>
    (handlers[request.kind] as (task: WorkerRequest<P>) => P[keyof P & string]['result'])(request);
}
