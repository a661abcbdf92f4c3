/**
 * How tags are compared for suggestions. Only comparison: the text a tag is
 * written with is never changed by any of this (DESIGN invariant 3).
 */

/** Which part of a tag a query matched; lower is better, and ranks in this order. */
export const MatchRank = { start: 0, word: 1, inside: 2, none: 3 } as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

/** substring matches on one letter would match nearly everything */
export const MIN_INSIDE_QUERY = 2;

const UNDERSCORE = 0x5f;
const HYPHEN = 0x2d;
const OPEN_PAREN = 0x28;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
/** anything tagKey might change: upper case, blanks, control characters, and non-ASCII (whose case is not checked here) */
// eslint-disable-next-line no-control-regex
const NOT_A_KEY = /[A-Z\s\u0000-\u001f\u007f-\uffff]/;

/** `_`, `-` and `(` end a word; keys hold no spaces, they are `_` already */
export const WORD_SEPARATORS = ['_', '-', '('] as const;
const isWordSeparator = (c: number): boolean => c === UNDERSCORE || c === HYPHEN || c === OPEN_PAREN;

/**
 * The comparison form of a tag: lower case, space and underscore the same
 * character, so "Long hair", "long hair" and `long_hair` are one tag.
 * Control characters go too: a key is joined with line breaks for the
 * substring search and must never contain one.
 */
export function tagKey(name: string): string {
  // most list tags are already keys; checking is far cheaper than rebuilding them
  if (!NOT_A_KEY.test(name)) return name;
  return name.trim().replace(CONTROL, '').toLowerCase().replace(/ /g, '_');
}

/**
 * The comparison form of what the user is typing. Unlike a tag, a trailing
 * space is kept: "long " means "a tag that goes on after `long`".
 */
export function queryKey(query: string): string {
  return query.trimStart().replace(CONTROL, '').toLowerCase().replace(/ /g, '_');
}

/** Whether a word starts at position `p` (> 0) of a key: right after a separator, and not one itself. */
export const isWordStart = (key: string, p: number): boolean =>
  isWordSeparator(key.charCodeAt(p - 1)) && !isWordSeparator(key.charCodeAt(p));

/**
 * How `query` (a query key) matches `key` (a tag key). The same rules the
 * index applies through its sorted tables, for the small sets (dataset and
 * recent tags) that are cheaper to check one by one.
 */
export function matchRank(key: string, query: string): MatchRank {
  let p = key.indexOf(query);
  if (p < 0) return MatchRank.none;
  if (p === 0) return MatchRank.start;
  while (p > 0) {
    if (isWordStart(key, p)) return MatchRank.word;
    p = key.indexOf(query, p + 1);
  }
  return query.length >= MIN_INSIDE_QUERY ? MatchRank.inside : MatchRank.none;
}

/**
 * The text to insert for a list tag. With `underscoresToSpaces`, `long_hair`
 * becomes "long hair", but emoticons keep their underscore: in `^_^`, `o_o`
 * or `>_<` it is part of the face, not a word break (Danbooru writes them that
 * way and a trainer's captions should too). A tag is taken for an emoticon
 * when it has no run of two letters or digits.
 */
export function insertionText(name: string, underscoresToSpaces: boolean): string {
  if (!underscoresToSpaces || !name.includes('_')) return name;
  if (!/[\p{L}\p{N}]{2}/u.test(name)) return name;
  return name.replace(/_/g, ' ');
}
