import { parentPort, workerData } from 'node:worker_threads';
import type { IndexFailure, IndexRequest, IndexResponse } from '../core/store/index-channel';
import { warmUpFolderSync, type FolderSyncWarmUp } from '../core/store/folder-sync-warm-up';
import { IndexDatabase } from '../core/store/index-database';
import { serveIndex } from '../core/store/index-service';
import { HELPER_CHUNKS_IN_FLIGHT } from '../core/perf/shared-work';
import { startAllThreads, type ThreadPool } from '../core/perf/thread-pool';
import type { ScanProtocol } from '../core/scan/scan-protocol';
import { createWorkerPool } from './worker-pool';

/**
 * The index thread: the only connection to a dataset's session.sqlite.
 * Started ahead of need (a spare waits while no folder is open), it opens
 * the database its first message names and says whether it could (a newer
 * schema, a read-only folder: refused with the reason). Requests are then
 * answered one at a time in the order they came, so a read always sees every
 * write main asked for before it; a folder sync, which walks and reads the
 * folder, is one request too, and the ones after it wait for it. Once its
 * database is closed, the thread may be given the next one to open.
 */
export interface IndexOpenRequest {
  open: string;
}

export type IndexStartup = { ready: true } | { ready: false; error: IndexFailure };

/** `warmUpFolder`: a thread started ahead of a first open syncs this made-up folder before any request (see warmUpFolderSync) */
export interface IndexThreadData {
  warmUpFolder: string | null;
}

/** the last request of a database: checkpoint, close, and answer */
export interface IndexCloseRequest {
  seq: number;
  kind: 'close';
}

const port = parentPort!;

/**
 * A scan thread of this thread's own, started with it (so, ahead of need),
 * which takes a share of a sync's stats and caption reads: with it, both of
 * the machine's cores read the folder while main waits. It is lent only
 * once started, so a sync never waits for it to load. It is handed all of
 * shareWork's chunks in flight at once: this thread takes its answers only
 * between chunks of its own, and with one at a time the helper waited for that.
 */
const helperPool = createWorkerPool<ScanProtocol>('probe-worker', { maxThreads: 1, idleTimeoutMs: 2 ** 31 - 1, tasksPerThread: HELPER_CHUNKS_IN_FLIGHT });
let helper: ThreadPool<ScanProtocol> | null = null;
const helperStarted = startAllThreads(helperPool).then(
  () => void (helper = helperPool),
  () => undefined,
);
// before any request: the first open's database is then made warm
try {
  IndexDatabase.warmUp();
} catch {
  // the open that follows meets the same failure and reports it
}
let db: IndexDatabase | null = null;
let serve: ReturnType<typeof serveIndex> | null = null;
/** the answers, one after the other: a request waits for the one before, however long that one's folder walk */
let turn: Promise<void> = Promise.resolve();

// the warm-up starts once the helper is lent, so that the helper's reads are made warm too; a request
// that comes first means it never starts, and one that comes during it stops it at its next check
let requested = false;
let warming: FolderSyncWarmUp | null = null;
const { warmUpFolder } = workerData as IndexThreadData;
if (warmUpFolder !== null) {
  void helperStarted.then(() => {
    if (requested) return;
    warming = warmUpFolderSync(() => helper, warmUpFolder);
    turn = warming.done.then(() => undefined);
  });
}

port.on('message', (message: IndexOpenRequest | IndexRequest | IndexCloseRequest) => {
  requested = true;
  warming?.stop();
  turn = turn.then(() => ('open' in message ? openDatabase(message.open) : answer(message)));
});

function openDatabase(path: string): void {
  try {
    if (db) throw new Error('The index thread has a database open already');
    db = IndexDatabase.open(path);
    serve = serveIndex(db, () => helper);
    port.postMessage({ ready: true } satisfies IndexStartup);
  } catch (err) {
    port.postMessage({ ready: false, error: failureOf(err) } satisfies IndexStartup);
  }
}

async function answer(req: IndexRequest | IndexCloseRequest): Promise<void> {
  let response: IndexResponse;
  try {
    if (!db || !serve) throw new Error('The session database is not open');
    if (req.kind === 'close') {
      db.close();
      db = null;
      serve = null;
      response = { seq: req.seq, ok: true, value: null };
    } else {
      response = { seq: req.seq, ok: true, value: await serve(req.kind, req.args) };
    }
  } catch (err) {
    response = { seq: req.seq, ok: false, error: failureOf(err) };
  }
  port.postMessage(response);
}

/** an AppError keeps its code; SQLite's (SQLITE_FULL, SQLITE_READONLY…) and fs errors keep theirs; anything else is internal */
function failureOf(err: unknown): IndexFailure {
  const e = err as { code?: unknown; message?: unknown } | null;
  return { code: typeof e?.code === 'string' ? e.code : 'internal', message: typeof e?.message === 'string' ? e.message : String(err) };
}
