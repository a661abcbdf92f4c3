/**
 * The toast after an undo or redo: what came back, and which captions were
 * left alone because another program changed them since (main never
 * overwrites those; the user has to know which ones to look at).
 */

export type HistoryDirection = 'undo' | 'redo';

const MAX_NAMES = 3;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function listNames(names: readonly string[], max = MAX_NAMES): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${(names.length - max).toLocaleString('en-US')} more`;
}

export function historyMessage(
  direction: HistoryDirection,
  label: string | null,
  restored: number,
  conflicts: readonly string[],
): { text: string; tone: 'info' | 'error' } {
  const verb = direction === 'undo' ? 'Undone' : 'Redone';
  const what = label ? `${verb}: ${label}` : verb;
  const files = `${plural(restored, 'caption', 'captions')} restored`;
  if (conflicts.length === 0) return { text: `${what} — ${files}`, tone: 'info' };
  const one = conflicts.length === 1;
  const left = `${plural(conflicts.length, 'caption', 'captions')} changed since and ${one ? 'was left as it is' : 'were left as they are'}: ${listNames(conflicts)}`;
  return { text: `${what} — ${files}; ${left}`, tone: 'error' };
}
