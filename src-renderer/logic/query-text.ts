/** Small pieces of the filter query language the renderer writes or marks up (the language itself is main's). */

/**
 * `tag:"name"` for a tag clicked in the tags panel. Quotes keep spaces and
 * keywords literal; a backslash keeps `"`, `\`, `*` and `?` literal, so a tag
 * like `?_?` filters for itself, not for every three-character tag.
 */
export const tagQuery = (name: string): string => `tag:"${name.replace(/["\\*?]/g, '\\$&')}"`;

export interface MarkedQuery {
  before: string;
  /** the characters to underline; a single space when the error sits at the very end ("add a closing quote") */
  marked: string;
  after: string;
}

/** Split the query around an error's [start, end) range, clamped so a bad range can never throw. */
export function markRange(text: string, start: number, end: number): MarkedQuery {
  const from = Math.min(Math.max(0, Math.trunc(start)), text.length);
  const to = Math.min(Math.max(from, Math.trunc(end)), text.length);
  if (from === to) {
    // nothing to underline: point at one character from there, or past the end
    if (from < text.length) return { before: text.slice(0, from), marked: text.slice(from, from + 1), after: text.slice(from + 1) };
    return { before: text, marked: ' ', after: '' };
  }
  return { before: text.slice(0, from), marked: text.slice(from, to), after: text.slice(to) };
}

const n = (value: number) => value.toLocaleString('en-US');

/** "120 of 4,000 images", or "4,000 images" with no filter on */
export function filterCountText(shown: number | null, total: number): string {
  const noun = total === 1 ? 'image' : 'images';
  return shown === null ? `${n(total)} ${noun}` : `${n(shown)} of ${n(total)} ${noun}`;
}

/** `caption:"red hair"` for a word or phrase clicked in the words panel: the images whose caption contains it */
export const captionQuery = (phrase: string): string => `caption:"${phrase.replace(/["\\*?]/g, '\\$&')}"`;
