import type { BatchOp } from '../../../src-shared/contract/batch-ops';

/**
 * What the Undo and Redo buttons say: "Add 2 tags to 37 images",
 * "Edit img_004.png". Written when the step is recorded; a batch's count
 * follows the files it is known to have written.
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
  return countedLabel(batchLabelStem(op), changed);
}

/**
 * A batch's label up to its count, which always comes last: kept with the
 * step, so that the count can be set once the images it really changed are
 * known, after a crash too.
 */
export function batchLabelStem(op: BatchOp): string {
  switch (op.type) {
    case 'add':
      return `Add ${tagsPhrase(op.tags)} to `;
    case 'remove':
      return `Remove ${tagsPhrase(op.tags)} from `;
    case 'replace':
      return op.replace === '' ? `Remove ${quote(op.find)} from ` : `Replace ${quote(op.find)} with ${quote(op.replace)} in `;
    case 'sort':
      return `Sort tags ${op.by === 'alpha' ? 'alphabetically' : 'by frequency'} in `;
    case 'dedupe':
      return 'Remove duplicate tags in ';
    case 'rename':
      return `Rename ${quote(op.from)} to ${quote(op.to)} in `;
    case 'delete':
      return `Delete ${quote(op.tag)} from `;
  }
}

/** "Add “x” to " and 33: "Add “x” to 33 images" */
export const countedLabel = (stem: string, changed: number) => `${stem}${images(changed)}`;

export const editLabel = (imageName: string) => `Edit ${imageName}`;

/** a conflict settled by writing the user's version over the file */
export const keepMineLabel = (imageName: string) => `Keep my version of ${imageName}`;
