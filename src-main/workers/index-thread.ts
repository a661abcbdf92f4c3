import type { Worker } from 'node:worker_threads';
import { errorCodes, type ErrorCode } from '../../src-shared/result';
import { AppError } from '../core/app-error';
import type { IndexArgs, IndexChannel, IndexFailure, IndexKind, IndexResponse, IndexResult, OpenIndex } from '../core/store/index-channel';
import type { IndexCloseRequest, IndexOpenRequest, IndexStartup, IndexThreadData } from './index-worker';
import { startThread } from './start-thread';

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/**
 * Main's end of the index thread (index-worker.ts): numbers each request and
 * settles its promise when the answer with that number comes back. Should
 * the thread die, the requests it had not answered fail with the reason (a
 * committed transaction is in the WAL, so nothing it acknowledged is lost),
 * and a new thread opens the same file for the requests that follow.
 */
export class IndexThread implements IndexChannel {
  private worker: Promise<Worker>;
  private seq = 0;
  private readonly waiting = new Map<number, Waiting>();
  private closing: Promise<void> | null = null;
  /** threads already mourned: an error is followed by an exit, and one death is one restart */
  private readonly gone = new WeakSet<Worker>();
  /** threads that opened the database: only such a thread, dying, is started again */
  private readonly ready = new WeakSet<Worker>();
  /** how many times the thread was started again after it died */
  restarts = 0;

  /**
   * `spare`: a thread started ahead of need (see createIndexThreads);
   * `release`: where the thread goes once its database is closed, to open
   * the next one (without it, the thread ends with the close)
   */
  static async open(path: string, spare?: Worker, release?: (thread: Worker) => void): Promise<IndexThread> {
    const thread = new IndexThread(path, spare, release);
    await thread.worker;
    return thread;
  }

  private constructor(
    private readonly path: string,
    spare?: Worker,
    private readonly release?: (thread: Worker) => void,
  ) {
    this.worker = this.start(spare);
  }

  call<K extends IndexKind>(kind: K, ...args: IndexArgs<K>): Promise<IndexResult<K>> {
    if (this.closing) return Promise.reject(new AppError('internal', `The session database is closed (asked for ${kind})`));
    return this.send(kind, args) as Promise<IndexResult<K>>;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const worker = await this.worker.catch(() => null);
      if (!worker) return;
      try {
        await this.send('close', []);
      } catch (err) {
        await worker.terminate();
        throw err;
      }
      // its database closed, the thread is no longer this one's: it ends, or opens the next folder
      // with its code warm (a new thread walks a folder at about half speed)
      worker.removeAllListeners();
      if (this.release) this.release(worker);
      else await worker.terminate();
    })();
    return this.closing;
  }

  /** which thread serves this database: one whose folder was closed may serve the next */
  async threadId(): Promise<number> {
    return (await this.worker).threadId;
  }

  /** what a crash of the thread does (the tests prove nothing acknowledged is lost) */
  async terminateThread(): Promise<void> {
    await (await this.worker).terminate();
  }

  private send(kind: IndexKind | 'close', args: unknown[]): Promise<unknown> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      // in the order asked: each send is chained on the same promise of the worker
      this.worker.then(
        (w) => w.postMessage(kind === 'close' ? ({ seq, kind } satisfies IndexCloseRequest) : { seq, kind, args }),
        (err: Error) => this.settle(seq, (x) => x.reject(err)),
      );
    });
  }

  private start(spare?: Worker): Promise<Worker> {
    const worker = spare ?? startThread<IndexThreadData>('index-worker', { warmUpFolder: null });
    worker.ref();
    worker.postMessage({ open: this.path } satisfies IndexOpenRequest);
    return new Promise((resolve, reject) => {
      worker.once('message', (startup: IndexStartup) => {
        if (!startup.ready) {
          void worker.terminate();
          reject(errorOf(startup.error));
          return;
        }
        worker.on('message', (res: IndexResponse) =>
          this.settle(res.seq, (w) => (res.ok ? w.resolve(res.value) : w.reject(errorOf(res.error)))),
        );
        worker.once('exit', (code) => this.died(worker, `it exited with code ${code}`));
        this.ready.add(worker);
        resolve(worker);
      });
      worker.once('error', (err) => {
        reject(new AppError('internal', `The index thread failed: ${err.message}`));
        this.died(worker, err.message);
      });
      // a thread that ends before saying it is ready failed to start: no restart, the open fails
      worker.once('exit', (code) => reject(new AppError('internal', `The index thread ended before it was ready (exit code ${code})`)));
    });
  }

  private died(worker: Worker, why: string): void {
    if (this.gone.has(worker)) return;
    this.gone.add(worker);
    void worker.terminate();
    const wasReady = this.ready.has(worker);
    const lost = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of lost) w.reject(new AppError('internal', `The index thread stopped (${why}) before answering; nothing it had confirmed is lost. Try again.`));
    // one that never became ready is not started again: it would fail the same way, for ever
    if (this.closing || !wasReady) return;
    this.restarts++;
    this.worker = this.start();
    this.worker.catch(() => undefined);
  }

  private settle(seq: number, how: (w: Waiting) => void): void {
    const w = this.waiting.get(seq);
    if (!w) return;
    this.waiting.delete(seq);
    how(w);
  }
}

const isErrorCode = (code: string): code is ErrorCode => (errorCodes as readonly string[]).includes(code);

/** the thread's failure as core's error: its own codes kept, SQLite's told in words */
function errorOf(f: IndexFailure): AppError {
  if (isErrorCode(f.code)) return new AppError(f.code, f.message);
  if (f.code === 'SQLITE_READONLY' || f.code === 'EACCES' || f.code === 'EROFS') return new AppError('read-only', `The session database cannot be written: ${f.message}`);
  if (f.code.startsWith('SQLITE_') || f.code.startsWith('E')) return new AppError('io', `The session database failed (${f.code}): ${f.message}`);
  return new AppError('internal', f.message);
}

/**
 * Index threads for an api host: one is started ahead, so that opening a
 * folder does not wait for a thread to start (tens of milliseconds built,
 * hundreds from source). An open takes it; its thread becomes the spare
 * again when its folder closes, so the next open (a reopen, another folder)
 * gets a thread whose code is warm. No fresh one is started beside an open:
 * a thread starting up (loading its code, from source compiling it) takes a
 * core the open needs on a small machine. Only an open that finds no spare
 * (its thread was lost) starts its own. The spare does not keep the process
 * alive.
 */
export function createIndexThreads(options: IndexThreadData): { open: OpenIndex; close(): Promise<void> } {
  let spare: Worker | null = null;
  let closed = false;
  const keepAsSpare = (thread: Worker) => {
    if (closed) return void thread.terminate();
    thread.unref();
    // a spare that died (it could not load) is never taken: the next open starts its own, and reports why
    thread.once('exit', () => {
      if (spare === thread) spare = null;
    });
    thread.on('error', () => undefined);
    const replaced = spare;
    spare = thread;
    void replaced?.terminate();
  };
  // only the first spare syncs the made-up folder: the others have served an open already, or replace a lost one mid-open
  keepAsSpare(startThread<IndexThreadData>('index-worker', options));
  return {
    open(path) {
      const taken = spare ?? undefined;
      spare = null;
      if (taken) taken.removeAllListeners();
      return IndexThread.open(path, taken, keepAsSpare);
    },
    async close() {
      closed = true;
      const s = spare;
      spare = null;
      await s?.terminate();
    },
  };
}
