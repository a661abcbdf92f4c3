import type { PatternPart } from './lexer';

/**
 * Wildcard patterns (`*` any run, `?` one character) compiled once per query
 * into string tests. Both sides are lower-cased (the image once, when it is
 * indexed; the pattern here), so matching is case-insensitive without
 * lower-casing anything per image per query.
 *
 * A `*` is not handed to a RegExp: `a*b*c` as `a[\s\S]*b[\s\S]*c` backtracks
 * quadratically over a long caption. The pattern is split at its stars into
 * fixed-width segments, and each segment is placed at its leftmost match
 * after the previous one, which is enough for a glob to match and never
 * backtracks.
 */

export type StringTest = (lowered: string) => boolean;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function hasWildcard(parts: readonly PatternPart[]): boolean {
  return parts.some((p) => typeof p !== 'string');
}

/** the pattern's text, lower-cased, wildcards as typed: for patterns without any */
export function literalOf(parts: readonly PatternPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.wildcard)).join('').toLowerCase();
}

/** The text between two stars: literals and `?`s, so a fixed number of characters. */
interface Segment {
  /** end of a match starting exactly at `at`, or -1 */
  matchAt(s: string, at: number): number;
  /** [start, end) of the leftmost match starting at or after `from`, or null */
  find(s: string, from: number): readonly [number, number] | null;
  /** start of a match that ends at the end of `s` and starts at or after `from`, or -1 */
  suffixFrom(s: string, from: number): number;
}

function literalSegment(text: string): Segment {
  return {
    matchAt: (s, at) => (s.startsWith(text, at) ? at + text.length : -1),
    find: (s, from) => {
      const i = s.indexOf(text, from);
      return i < 0 ? null : [i, i + text.length];
    },
    suffixFrom: (s, from) => (s.length - text.length >= from && s.endsWith(text) ? s.length - text.length : -1),
  };
}

/** `?` is one character: the 'u' flag makes that a code point, so an emoji counts once */
function questionSegment(parts: readonly PatternPart[]): Segment {
  const source = parts.map((p) => (typeof p === 'string' ? escapeRegExp(p.toLowerCase()) : '[\\s\\S]')).join('');
  const sticky = new RegExp(source, 'yu');
  const scan = new RegExp(source, 'gu');
  const atEnd = new RegExp(`(?:${source})$`, 'gu');
  return {
    matchAt: (s, at) => {
      sticky.lastIndex = at;
      const m = sticky.exec(s);
      return m ? at + m[0].length : -1;
    },
    find: (s, from) => {
      scan.lastIndex = from;
      const m = scan.exec(s);
      return m ? [m.index, m.index + m[0].length] : null;
    },
    suffixFrom: (s, from) => {
      atEnd.lastIndex = from;
      const m = atEnd.exec(s);
      return m ? m.index : -1;
    },
  };
}

function splitAtStars(parts: readonly PatternPart[]): Segment[] {
  const segments: Segment[] = [];
  let current: PatternPart[] = [];
  const close = () => {
    segments.push(hasWildcard(current) ? questionSegment(current) : literalSegment(literalOf(current)));
    current = [];
  };
  for (const p of parts) {
    if (typeof p !== 'string' && p.wildcard === '*') close();
    else current.push(p);
  }
  close();
  return segments;
}

/**
 * A pattern that is one literal with stars only at its ends (`long*`,
 * `*eyes`, `*hair*`), or null: such a glob is a plain prefix, suffix or
 * substring test.
 */
export function starredLiteral(parts: readonly PatternPart[]): { text: string; starBefore: boolean; starAfter: boolean } | null {
  let start = 0;
  let end = parts.length;
  const isStar = (p: PatternPart | undefined) => p !== undefined && typeof p !== 'string' && p.wildcard === '*';
  while (isStar(parts[start])) start++;
  while (end > start && isStar(parts[end - 1])) end--;
  const middle = parts.slice(start, end);
  if (middle.length === 0 || hasWildcard(middle)) return null;
  return { text: literalOf(middle), starBefore: start > 0, starAfter: end < parts.length };
}

/**
 * The longest literal run: text that must occur in any match. `includes` on
 * it is cheap and rejects most images before the segments run.
 */
export function longestLiteral(parts: readonly PatternPart[]): string {
  let best = '';
  for (const p of parts) if (typeof p === 'string' && p.length > best.length) best = p;
  return best.toLowerCase();
}

/** The whole lower-cased text matches the pattern. */
export function wholeMatcher(parts: readonly PatternPart[]): StringTest {
  if (!hasWildcard(parts)) {
    const exact = literalOf(parts);
    return (s) => s === exact;
  }
  const segments = splitAtStars(parts);
  const first = segments[0] as Segment;
  const last = segments[segments.length - 1] as Segment;
  const middle = segments.slice(1, -1);
  const must = longestLiteral(parts);

  const glob = (s: string): boolean => {
    if (segments.length === 1) return first.matchAt(s, 0) === s.length; // `?`s but no star
    let pos = first.matchAt(s, 0);
    if (pos < 0) return false;
    const tail = last.suffixFrom(s, pos);
    if (tail < 0) return false;
    for (const segment of middle) {
      const found = segment.find(s, pos);
      if (!found || found[1] > tail) return false;
      pos = found[1];
    }
    return true;
  };
  return must ? (s) => s.includes(must) && glob(s) : glob;
}

/** The lower-cased text contains a match of the pattern anywhere. */
export function containsMatcher(parts: readonly PatternPart[]): StringTest {
  if (!hasWildcard(parts)) {
    const needle = literalOf(parts);
    return (s) => s.includes(needle);
  }
  const star: PatternPart = { wildcard: '*' };
  return wholeMatcher([star, ...parts, star]);
}
