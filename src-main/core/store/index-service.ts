import type { ThreadPool } from '../perf/thread-pool';
import type { ScanProtocol } from '../scan/scan-protocol';
import type { IndexArgs, IndexKind, IndexResult } from './index-channel';
import { FolderSync } from './folder-sync';
import type { IndexDatabase } from './index-database';

/**
 * The index protocol's answering end, wherever it runs (the index thread; a
 * test's own thread): each kind goes to the folder sync if it is one of its
 * methods, else to the database. `helper`: see FolderSync.
 */
export function serveIndex(
  db: IndexDatabase,
  helper?: () => ThreadPool<ScanProtocol> | null,
): <K extends IndexKind>(kind: K, args: IndexArgs<K>) => Promise<IndexResult<K>> {
  const folder = new FolderSync(db, helper);
  return async (kind, args) => {
    const target = kind in folder ? folder : db;
    const method = target[kind as keyof typeof target] as (...a: unknown[]) => unknown;
    return (await method.apply(target, args)) as IndexResult<typeof kind>;
  };
}
