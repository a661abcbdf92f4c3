/**
 * Reordering one image's tags by drag or Alt+arrows. The trigger word, when the
 * dataset has one and the image carries it, is pinned first: main enforces that
 * on every write, and the editor must not offer a move main would undo.
 */

/** true when `tags[index]` is the pinned trigger word */
export const isPinned = (tags: readonly string[], index: number, trigger: string | null): boolean =>
  trigger !== null && index === 0 && tags[0] === trigger;

/**
 * Move `tag` so it ends at index `to`, clamped into the list and behind a
 * pinned trigger word. `fromHint` says which occurrence the user grabbed (a
 * caption may hold a tag twice); if the list changed and it no longer points at
 * `tag`, the first occurrence moves. A tag not on the list, or the pinned
 * trigger itself, leaves the list as it is: a stale drag must not invent or lose a tag.
 */
export function moveTagWithin(
  tags: readonly string[],
  tag: string,
  to: number,
  trigger: string | null,
  fromHint = -1,
): string[] {
  const from = tags[fromHint] === tag ? fromHint : tags.indexOf(tag);
  if (from < 0 || isPinned(tags, from, trigger)) return [...tags];
  const first = isPinned(tags, 0, trigger) ? 1 : 0;
  const target = Math.min(Math.max(Math.trunc(to), first), tags.length - 1);
  if (target === from) return [...tags];
  const out = [...tags];
  out.splice(from, 1);
  out.splice(target, 0, tag);
  return out;
}

/**
 * Where a chip dropped on another chip should land: dropping on the left half
 * of a chip puts it before that chip, on the right half after it. Indices are
 * those of the list before the move.
 */
export function dropIndex(from: number, over: number, after: boolean): number {
  const slot = after ? over + 1 : over;
  // removing the dragged chip first shifts everything behind it one place left
  return slot > from ? slot - 1 : slot;
}
