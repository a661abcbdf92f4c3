import type { ThreadPool } from '../perf/thread-pool';
import type { ScanProtocol } from '../scan/scan-protocol';
import { FILTER_KINDS, FOLDER_KINDS, type IndexArgs, type IndexKind, type IndexResult } from './index-channel';
import { FilterIndex } from './filter-index';
import { FolderSync } from './folder-sync';
import type { IndexDatabase } from './index-database';

// by name, not by `in`: a private method of either (a prune, a forget) is no request
const folderKinds: ReadonlySet<string> = new Set(FOLDER_KINDS);
const filterKinds: ReadonlySet<string> = new Set(FILTER_KINDS);

/**
 * The index protocol's answering end, wherever it runs (the index thread; a
 * test's own thread): each kind goes to the folder sync or the filter index
 * if it is one of theirs (see FOLDER_KINDS), else to the database. `helper`:
 * see FolderSync.
 */
export function serveIndex(
  db: IndexDatabase,
  helper?: () => ThreadPool<ScanProtocol> | null,
): <K extends IndexKind>(kind: K, args: IndexArgs<K>) => Promise<IndexResult<K>> {
  const folder = new FolderSync(db, helper);
  const filter = new FilterIndex(db, () => folder.unreadableIds);
  return async (kind, args) => {
    const target = folderKinds.has(kind) ? folder : filterKinds.has(kind) ? filter : db;
    const method = target[kind as keyof typeof target] as (...a: unknown[]) => unknown;
    return (await method.apply(target, args)) as IndexResult<typeof kind>;
  };
}
