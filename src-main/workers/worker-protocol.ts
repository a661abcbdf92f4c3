/**
 * A worker file's requests, one union keyed on `kind`: per kind, the task it
 * takes and the answer it gives. The pool's `call` and the worker's handlers
 * are both typed from it, so a result is never cast where it is used.
 */
export type WorkerProtocol = Record<string, { task: object; result: unknown }>;

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
