/**
 * Pure edits of one image's tag list. Tags are kept exactly as typed apart from
 * trimming and collapsing runs of whitespace (DESIGN invariant 3: no lowercasing,
 * no underscore or bracket rewriting, no reordering).
 */


export interface AddOutcome {
  tags: string[];
  added: string[];
  /** asked for but already on the image: refused, and shown to the user */
  duplicates: string[];
}

/** Appends the new tags at the end, in order, refusing the ones already present. */
export function addTags(current: readonly string[], wanted: readonly string[]): AddOutcome {
  const present = new Set(current);
  const added: string[] = [];
  const duplicates: string[] = [];
  for (const tag of wanted) {
    if (present.has(tag)) duplicates.push(tag);
    else {
      present.add(tag);
      added.push(tag);
    }
  }
  return { tags: [...current, ...added], added, duplicates };
}

export const removeTag = (current: readonly string[], tag: string): string[] => current.filter((t) => t !== tag);

/** on → off, off → on (appended): what a click in the master list or the recent row does */
export const toggleTag = (current: readonly string[], tag: string): string[] =>
  current.includes(tag) ? removeTag(current, tag) : [...current, tag];

export const sameTags = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);
