import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describeFsError } from '../app-error';
import { migrate } from './migrate';
import { migrations } from './migrations';

export const SESSION_DIR = '.lora-tagger';
export const SESSION_FILE = 'session.sqlite';

/**
 * The page cache of a session connection, in KiB (SQLite's own default;
 * better-sqlite3 builds with 16 MB). The index is read in sequential pages
 * and written a few rows at a time, and the OS caches the file anyway; what
 * a large cache cost was its release: closing a session freed all of its
 * cached pages in one synchronous call on the main thread, more than a turn
 * of the event loop at 10,000 images.
 */
export const PAGE_CACHE_KIB = 2000;

/**
 * Pages the WAL takes before SQLite copies them back into the database file
 * (its default: 1,000, 4 MB). A first sync writes a large folder's whole
 * index in one go, and every copy-back stops the writes for the copy and an
 * fsync: ten times the default makes a tenth of the stops. After each, the
 * file is cut back to WAL_KEPT_BYTES, so it does not stay that large on disk.
 */
const WAL_CHECKPOINT_PAGES = 10_000;
export const WAL_KEPT_BYTES = 4 * 1024 * 1024;

/**
 * WAL with synchronous=NORMAL: each committed edit survives the process being
 * killed (the WAL is on disk before the commit returns); only an OS crash may
 * lose the last transactions, and the caption files themselves are fsynced.
 */
export function openDatabase(path: string): Database.Database {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw describeFsError(err, `Cannot create ${dirname(path)}`);
  }
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    throw describeFsError(err, `Cannot open the session database ${path}`);
  }
  return setUp(db);
}

/**
 * The same set-up on a database in memory, which no folder holds: SQLite's
 * native module loaded and the schema built once (see IndexDatabase.warmUp).
 */
export const openDatabaseInMemory = (): Database.Database => setUp(new Database(':memory:'));

/** the connection's settings and the schema brought up to date; a connection that fails them is closed */
function setUp(db: Database.Database): Database.Database {
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);
    migrate(db, migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
