import type { BatchTarget } from '../../../src-shared/contract/batch-ops';
import { AppError } from '../app-error';
import type { DatasetSession } from './dataset-session';
import type { ImageEntry } from './image-entry';

/**
 * The images a batch edit or a summary names, in dataset order. Ids no
 * longer in the dataset (an image removed a moment ago) are passed over.
 */
export async function resolveTarget(session: DatasetSession, target: BatchTarget): Promise<readonly ImageEntry[]> {
  switch (target.kind) {
    case 'all':
      return session.allEntries();
    case 'selected':
      return entriesOf(session, target.ids);
    case 'filtered': {
      const found = await session.index.filter(target.query, session.closing);
      if (!found.ok) throw new AppError('invalid-input', `The filter is not valid: ${found.error.message}`, { error: found.error });
      return found.entries;
    }
  }
}

/** the given images that exist, in dataset order, each once */
export function entriesOf(session: DatasetSession, ids: readonly number[]): ImageEntry[] {
  const wanted = new Set(ids);
  return session.allEntries().filter((e) => wanted.has(e.row.id));
}
