/**
 * Reordering one image's tags: drag-and-drop in the tag editor, and keeping
 * the trigger word first (trainers that shuffle captions keep the first N
 * tokens fixed, so the trigger belongs at the front).
 */

/**
 * Moves the tag at `from` so that it ends up at index `to`. An index outside
 * the list is clamped for `to`; a `from` outside it leaves the list as it is
 * (a stale drag from the UI must not invent or lose a tag).
 */
export function moveTag(tags: readonly string[], from: number, to: number): string[] {
  const out = [...tags];
  if (!Number.isInteger(from) || from < 0 || from >= out.length) return out;
  const target = Number.isInteger(to) ? Math.min(Math.max(to, 0), out.length - 1) : from;
  const [tag] = out.splice(from, 1);
  out.splice(target, 0, tag as string);
  return out;
}

/** The trigger word moved to index 0 if the image has it (its first occurrence); otherwise unchanged. */
export function keepTriggerFirst(tags: readonly string[], trigger: string | null): string[] {
  if (trigger === null) return [...tags];
  const at = tags.indexOf(trigger);
  return at <= 0 ? [...tags] : moveTag(tags, at, 0);
}
