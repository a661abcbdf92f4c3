import type Database from 'better-sqlite3';
import type { IndexArgs, IndexChannel, IndexKind, IndexResult } from '../../src-main/core/store/index-channel';
import { IndexDatabase, type HistoryLimits } from '../../src-main/core/store/index-database';
import { serveIndex } from '../../src-main/core/store/index-service';

/**
 * The index protocol answered on this thread, for tests of what core does
 * with the index rather than of the thread itself. Arguments and results are
 * cloned as a message between threads would be (a Buffer arrives as a
 * Uint8Array), so code that works here works over the real thread.
 */
export function localIndex(db: Database.Database, limits?: HistoryLimits): IndexChannel & { database: IndexDatabase } {
  const database = new IndexDatabase(db, limits);
  const serve = serveIndex(database);
  return {
    database,
    async call<K extends IndexKind>(kind: K, ...args: IndexArgs<K>): Promise<IndexResult<K>> {
      return structuredClone(await serve(kind, structuredClone(args)));
    },
    async close() {
      database.close();
    },
  };
}
