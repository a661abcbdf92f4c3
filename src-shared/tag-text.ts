/**
 * Tags as they sit in a caption's text. Text is kept as written: nothing here
 * changes case, underscores, brackets, weights like "(masterpiece:1.2)" or
 * order; the only cleaning is whitespace at the edges of a tag (and, for what
 * the user types, runs of whitespace inside it).
 */

const LINE_BREAK = /\r\n|\n|\r/;

/**
 * The tags of a caption: comma-separated, or one per line when the text has
 * no comma at all (some taggers write lists that way). A text with commas is
 * split on commas only, so a line break inside a comma list stays in its tag
 * and survives being joined again.
 */
export function parseTags(text: string): string[] {
  const parts = text.includes(',') ? text.split(',') : text.split(LINE_BREAK);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** How many tags parseTags finds in a text, without making them (the list's tag count of each image). */
export function countTags(text: string): number {
  const byComma = text.includes(',');
  let count = 0;
  /** the part so far holds something other than white space */
  let filled = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (byComma ? c === 0x2c : c === 0x0a || c === 0x0d) {
      if (filled) count++;
      filled = false;
    } else if (!filled && !isWhiteSpaceCode(c)) filled = true;
  }
  return filled ? count + 1 : count;
}

/**
 * How many texts carry each tag parseTags finds, a text at a time: once per
 * text however often it repeats a tag (counts are of captions carrying it),
 * and without building each text's list: a sync counts every tag of every
 * caption this way, so a text's repeats are told by the text a tag was last
 * seen in, not by a Set made for each text.
 */
export class TagTally {
  /** per tag, its count and the last text that carried it */
  private readonly tags = new Map<string, { count: number; text: number }>();
  private texts = 0;

  add(text: string): void {
    const at = ++this.texts;
    if (!text.includes(',')) {
      for (const tag of parseTags(text)) this.take(tag, at);
      return;
    }
    // each tag's edges found by index and the tag sliced once: a slice then a trim made two strings of most tags
    for (let from = 0; from <= text.length; ) {
      let end = text.indexOf(',', from);
      if (end < 0) end = text.length;
      let start = from;
      let stop = end;
      while (start < stop && isWhiteSpaceCode(text.charCodeAt(start))) start++;
      while (stop > start && isWhiteSpaceCode(text.charCodeAt(stop - 1))) stop--;
      if (start < stop) this.take(text.slice(start, stop), at);
      from = end + 1;
    }
  }

  private take(tag: string, at: number): void {
    const seen = this.tags.get(tag);
    if (!seen) this.tags.set(tag, { count: 1, text: at });
    else if (seen.text !== at) {
      seen.text = at;
      seen.count++;
    }
  }

  entries(): [string, number][] {
    return [...this.tags].map(([tag, { count }]) => [tag, count]);
  }
}

export function joinTags(tags: readonly string[], separator = ', '): string {
  return tags.join(separator);
}

/** whether a UTF-16 code unit is one /\s/ matches (ECMAScript's white space and line terminators), without a regex or a string */
export function isWhiteSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** One tag as the user meant it: trimmed, inner whitespace runs (tabs, newlines) as one space. */
export function normalizeTag(input: string): string {
  return input.trim().replace(/\s+/g, ' ');
}

/**
 * What the user typed or pasted into the tag box: "a, b, c" is three tags, and
 * so is a pasted list with one tag per line. Empties and repeats within the
 * input are dropped; the first spelling wins.
 */
export function splitTagInput(input: string): string[] {
  const seen = new Set<string>();
  for (const part of input.split(/,|\r\n|\n|\r/)) {
    const tag = normalizeTag(part);
    if (tag !== '') seen.add(tag);
  }
  return [...seen];
}

/** The first tag that occurs a second time (compared after normalizeTag), in its normalized form. */
export function findDuplicate(tags: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = normalizeTag(raw);
    if (seen.has(tag)) return tag;
    seen.add(tag);
  }
  return null;
}
