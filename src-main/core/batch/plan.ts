import type { BatchOp } from '../../../src-shared/contract/batch-ops';
import { prepareOrThrow, tagsEqual, type BatchContext } from './apply-op';

export interface BatchChange {
  id: number;
  before: readonly string[];
  after: string[];
}

export interface BatchPlan {
  /** only images whose tags actually change: the "37 images will change" preview */
  changes: BatchChange[];
}

/**
 * What an operation would do to a set of images, without writing anything.
 * The operation is compiled once (a regex over 100,000 images is built once).
 * Throws `AppError('invalid-input')` for an operation the schema refuses.
 */
export function planBatch(
  images: Iterable<{ id: number; tags: readonly string[] }>,
  op: BatchOp,
  ctx: BatchContext,
): BatchPlan {
  const edit = prepareOrThrow(op);
  const changes: BatchChange[] = [];
  for (const { id, tags } of images) {
    const after = edit(tags, ctx);
    if (!tagsEqual(tags, after)) changes.push({ id, before: tags, after });
  }
  return { changes };
}
