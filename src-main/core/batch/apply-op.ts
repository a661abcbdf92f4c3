import type { AddOp, BatchOp, RemoveOp, RenameOp, SortOp } from '../../../src-shared/contract/batch-ops';
import { AppError } from '../app-error';
import { mergeEdited } from './merge-edited';
import { prepareReplace, type Prepared } from './replace-op';

/**
 * Pure tag edits over one image's tag list. Text is kept as written: nothing
 * is lowercased, trimmed or reordered unless the operation says so. When an
 * operation does not apply, the result holds the same tags in the same order,
 * so `tagsEqual` tells a caller the image is unchanged.
 */

export interface BatchContext {
  /** how many images in the dataset carry this tag (for sort by frequency) */
  frequency: (tag: string) => number;
}

export type TagEdit = (tags: readonly string[], ctx: BatchContext) => string[];

/** Same tags in the same order. */
export function tagsEqual(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Alphabetical regardless of case, then by exact text so the order never
 * depends on the machine's locale (a collator would differ between systems).
 */
export function compareAlpha(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

function add(op: AddOp): TagEdit {
  return (tags) => {
    const have = new Set(tags);
    const fresh: string[] = [];
    for (const tag of op.tags) {
      if (have.has(tag)) continue;
      have.add(tag); // the op's own list may repeat a tag
      fresh.push(tag);
    }
    return op.position === 'start' ? [...fresh, ...tags] : [...tags, ...fresh];
  };
}

function remove(op: RemoveOp): TagEdit {
  if (op.caseInsensitive) {
    const gone = new Set(op.tags.map((t) => t.toLowerCase()));
    return (tags) => tags.filter((t) => !gone.has(t.toLowerCase()));
  }
  const gone = new Set(op.tags);
  return (tags) => tags.filter((t) => !gone.has(t));
}

function sort(op: SortOp): TagEdit {
  return (tags, ctx) => {
    const kept = tags.slice(0, op.keepFirst);
    const rest = tags.slice(op.keepFirst);
    if (op.by === 'alpha') return [...kept, ...rest.sort(compareAlpha)];
    // ask for each tag's count once, not once per comparison
    const counted = rest.map((tag) => ({ tag, count: ctx.frequency(tag) }));
    counted.sort((a, b) => b.count - a.count || compareAlpha(a.tag, b.tag));
    return [...kept, ...counted.map((c) => c.tag)];
  };
}

function dedupe(tags: readonly string[]): string[] {
  return [...new Set(tags)];
}

function rename(op: RenameOp): TagEdit {
  return (tags) => {
    if (op.from === op.to || !tags.includes(op.from)) return [...tags];
    return mergeEdited(tags.map((tag) => (tag === op.from ? { tag: op.to, edited: true } : { tag, edited: false })));
  };
}

/**
 * Compiles an operation once for a whole plan. Refuses, with a sentence, what
 * the schema would have refused (a bad regular expression) so a caller that
 * skipped parsing still gets an answer instead of an exception.
 */
export function prepareBatchOp(op: BatchOp): Prepared<TagEdit> {
  switch (op.type) {
    case 'add':
      return { ok: true, value: add(op) };
    case 'remove':
      return { ok: true, value: remove(op) };
    case 'replace':
      return prepareReplace(op);
    case 'sort':
      return { ok: true, value: sort(op) };
    case 'dedupe':
      return { ok: true, value: dedupe };
    case 'rename':
      return { ok: true, value: rename(op) };
    case 'delete':
      return { ok: true, value: (tags) => tags.filter((t) => t !== op.tag) };
  }
}

/** The one place a refused operation becomes core's typed error. */
export function prepareOrThrow(op: BatchOp): TagEdit {
  const prepared = prepareBatchOp(op);
  if (!prepared.ok) throw new AppError('invalid-input', prepared.message);
  return prepared.value;
}

/**
 * One image's tags after the operation. Throws `AppError('invalid-input')`
 * for an operation the schema refuses (an invalid regular expression); the
 * api layer turns that into a typed result.
 */
export function applyBatchOp(tags: readonly string[], op: BatchOp, ctx: BatchContext): string[] {
  return prepareOrThrow(op)(tags, ctx);
}
