import type { BatchOp } from '../../../src-shared/contract/batch-ops';

/**
 * What the Undo and Redo buttons say: "Add 2 tags to 37 images",
 * "Edit img_004.png". Written once, when the step is recorded.
 */

const MAX_QUOTED = 40;

function quote(text: string): string {
  const chars = [...text];
  return `“${chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED - 1).join('')}…` : text}”`;
}

const images = (n: number) => (n === 1 ? '1 image' : `${n} images`);

/** one tag by name, or how many */
const tagsPhrase = (tags: readonly string[]) => (tags.length === 1 ? quote(tags[0]!) : `${tags.length} tags`);

export function batchLabel(op: BatchOp, changed: number): string {
  const n = images(changed);
  switch (op.type) {
    case 'add':
      return `Add ${tagsPhrase(op.tags)} to ${n}`;
    case 'remove':
      return `Remove ${tagsPhrase(op.tags)} from ${n}`;
    case 'replace':
      return op.replace === ''
        ? `Remove ${quote(op.find)} from ${n}`
        : `Replace ${quote(op.find)} with ${quote(op.replace)} in ${n}`;
    case 'sort':
      return `Sort tags ${op.by === 'alpha' ? 'alphabetically' : 'by frequency'} in ${n}`;
    case 'dedupe':
      return `Remove duplicate tags in ${n}`;
    case 'rename':
      return `Rename ${quote(op.from)} to ${quote(op.to)} in ${n}`;
    case 'delete':
      return `Delete ${quote(op.tag)} from ${n}`;
  }
}

export const editLabel = (imageName: string) => `Edit ${imageName}`;

/** a conflict settled by writing the user's version over the file */
export const keepMineLabel = (imageName: string) => `Keep my version of ${imageName}`;
