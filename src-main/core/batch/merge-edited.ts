/**
 * One tag after an edit, and whether the edit produced it. An empty `tag`
 * means the edit removed it.
 */
export interface EditedTag {
  tag: string;
  edited: boolean;
}

/**
 * Turns edited tags back into a list, merging what an edit made equal: when a
 * rename or replace produces a tag the image already has, the image keeps one,
 * at the position of the first of the two. Duplicates that were already there
 * and that the edit did not touch stay: removing them is `dedupe`'s job, and
 * text is kept as written unless the user asks.
 */
export function mergeEdited(items: readonly EditedTag[]): string[] {
  // for each tag value: was its first occurrence in the output produced by the edit?
  const firstWasEdited = new Map<string, boolean>();
  const out: string[] = [];
  for (const { tag, edited } of items) {
    if (tag === '') continue;
    const first = firstWasEdited.get(tag);
    if (first === undefined) {
      firstWasEdited.set(tag, edited);
      out.push(tag);
    } else if (!edited && !first) {
      out.push(tag);
    }
  }
  return out;
}
