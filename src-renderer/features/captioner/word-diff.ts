/**
 * What a suggested caption changes in the current one, word by word: the
 * review shows the current text with removed words struck and the suggestion
 * with added words marked, so a reader sees the change without comparing two
 * paragraphs by eye.
 */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** words (letters, digits, apostrophes, hyphens inside a word), runs of space, and each punctuation mark on its own */
const TOKEN = /[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*|\s+|[^\s\p{L}\p{N}_]/gu;

/**
 * The longest common subsequence table grows with the product of the two
 * lengths; past this many cells (two captions of ~2,000 tokens each) the middle
 * is shown as wholly removed and wholly added rather than freezing the window.
 */
const MAX_CELLS = 4_000_000;

const tokens = (text: string): string[] => text.match(TOKEN) ?? [];

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** the middle of the two texts (their common start and end taken off) as an edit script */
function middle(a: readonly string[], b: readonly string[], parts: DiffPart[]): void {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_CELLS) {
    push(parts, 'removed', a.join(''));
    push(parts, 'added', b.join(''));
    return;
  }
  // lengths of the common subsequence of a[i..] and b[j..], one flat row-major table
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]!);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      push(parts, 'removed', a[i++]!);
    } else {
      push(parts, 'added', b[j++]!);
    }
  }
  push(parts, 'removed', a.slice(i).join(''));
  push(parts, 'added', b.slice(j).join(''));
}

/** a kept run with no word in it: a comma and a space are no anchor a reader follows */
const TRIVIAL = /^[\s\p{P}\p{S}]*$/u;

/**
 * Kept punctuation and spaces between two changes are folded into the change,
 * and each change reads as everything removed, then everything added: "cat,
 * outdoors" → "A red image, 90 pixels" marks the old tags as one struck run
 * rather than two words around a kept comma. Either side's text is unchanged.
 */
function readable(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    push(out, 'removed', removed);
    push(out, 'added', added);
    removed = '';
    added = '';
  };
  parts.forEach((p, i) => {
    const between = i > 0 && i < parts.length - 1 && parts[i - 1]!.kind !== 'same' && parts[i + 1]!.kind !== 'same';
    if (p.kind === 'same' && !(between && TRIVIAL.test(p.text))) {
      flush();
      push(out, 'same', p.text);
    } else {
      if (p.kind !== 'added') removed += p.text;
      if (p.kind !== 'removed') added += p.text;
    }
  });
  flush();
  return out;
}

/** `before` → `after` as runs of kept, removed and added text; joining same+removed gives `before`, same+added gives `after` */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start).join(''));
  middle(a.slice(start, a.length - end), b.slice(start, b.length - end), parts);
  push(parts, 'same', a.slice(a.length - end).join(''));
  return readable(parts);
}

/** the text one side of the diff shows: the current caption (same + removed) or the suggestion (same + added) */
export const sideOf = (parts: readonly DiffPart[], side: 'before' | 'after'): DiffPart[] =>
  parts.filter((p) => p.kind === 'same' || p.kind === (side === 'before' ? 'removed' : 'added'));
