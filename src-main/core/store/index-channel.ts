import type { FilterIndex } from './filter-index';
import type { FolderSync } from './folder-sync';
import type { IndexDatabase } from './index-database';

/** the requests the folder sync answers (the one that walks the folder into the database) */
export const FOLDER_KINDS = ['indexed', 'syncFolder', 'syncedPage'] as const satisfies readonly (keyof FolderSync)[];
/** the requests the filter's index of the database answers */
export const FILTER_KINDS = ['filterImages', 'warmFilter'] as const satisfies readonly (keyof FilterIndex)[];

/** what the index thread serves: the database's methods, and those of the folder sync and the filter index named above */
type IndexService = IndexDatabase & Pick<FolderSync, (typeof FOLDER_KINDS)[number]> & Pick<FilterIndex, (typeof FILTER_KINDS)[number]>;

/**
 * The index thread's protocol: one request kind per method of IndexDatabase
 * and FolderSync, with that method's arguments and (awaited) result. Main sends `{ seq, kind, args }`
 * and gets back `{ seq, ok, value }` or `{ seq, ok: false, error }`, in the
 * order it asked: the thread answers one request at a time.
 */
export type IndexKind = {
  [K in keyof IndexService]: IndexService[K] extends (...args: never[]) => unknown ? (K extends 'close' | 'watch' ? never : K) : never;
}[keyof IndexService];

export type IndexArgs<K extends IndexKind> = Parameters<IndexService[K]>;
export type IndexResult<K extends IndexKind> = Awaited<ReturnType<IndexService[K]>>;

export type IndexRequest = { [K in IndexKind]: { seq: number; kind: K; args: IndexArgs<K> } }[IndexKind];

export interface IndexFailure {
  code: string;
  message: string;
}

export type IndexResponse = { seq: number; ok: true; value: unknown } | { seq: number; ok: false; error: IndexFailure };

/** What core holds of the index: calls answered in order, and a close that checkpoints and lets go of the file. */
export interface IndexChannel {
  call<K extends IndexKind>(kind: K, ...args: IndexArgs<K>): Promise<IndexResult<K>>;
  close(): Promise<void>;
}

/** Opens session.sqlite (creating and migrating it) wherever the index lives; the api host gives core the index thread. */
export type OpenIndex = (dbPath: string) => Promise<IndexChannel>;
