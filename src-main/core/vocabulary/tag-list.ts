import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../app-error';
import { splitCsvLine } from './csv-line';

export type TagCategory = 'general' | 'artist' | 'copyright' | 'character' | 'meta' | 'unknown';

/** One tag from a vocabulary list: the shipped Danbooru list or one the user imports. */
export interface ListTag {
  name: string;
  category: TagCategory;
  postCount: number;
  aliases: readonly string[];
}

/** shared by every tag without aliases, so a list of 100,000 of them costs no arrays */
export const NO_ALIASES: readonly string[] = Object.freeze([]);

export interface ParsedTagList {
  tags: ListTag[];
  /** lines (or, in a plain list, entries) that could not be read as a tag */
  skipped: number;
}

/** Danbooru's type numbers as a1111-sd-webui-tagcomplete's CSVs write them; 2 is unused there. */
const CATEGORY_BY_CODE: Readonly<Record<number, TagCategory>> = {
  0: 'general',
  1: 'artist',
  3: 'copyright',
  4: 'character',
  5: 'meta',
};

export const categoryFromCode = (code: number): TagCategory => CATEGORY_BY_CODE[code] ?? 'unknown';

/** no real tag is this long; a longer "tag" is a line of prose or a broken file */
const MAX_TAG_LENGTH = 200;
/** how many leading lines decide whether a file is a CSV tag list or a plain one */
const SNIFF_LINES = 20;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

const usableName = (name: string): boolean =>
  name.length > 0 && name.length <= MAX_TAG_LENGTH && !CONTROL.test(name);

/** the whole number written in text[from, to) between optional blanks, or -1 */
function wholeNumber(text: string, from: number, to: number): number {
  while (from < to && text.charCodeAt(from) <= 0x20) from++;
  while (to > from && text.charCodeAt(to - 1) <= 0x20) to--;
  if (from === to || to - from > 15) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function toListTag(rawName: string, type: number, count: number, aliasText: string): ListTag | null {
  const name = rawName.trim();
  if (type < 0 || count < 0 || !usableName(name)) return null;
  if (aliasText === '') return { name, category: categoryFromCode(type), postCount: count, aliases: NO_ALIASES };
  const aliases: string[] = [];
  for (const part of aliasText.split(',')) {
    const alias = part.trim();
    if (usableName(alias) && alias !== name && !aliases.includes(alias)) aliases.push(alias);
  }
  return { name, category: categoryFromCode(type), postCount: count, aliases: aliases.length > 0 ? aliases : NO_ALIASES };
}

/**
 * `name,type,post_count[,"alias1,alias2"]`, or null when the line is not one.
 * Lines without a quote (nearly all of them) skip the general field splitter.
 * An alias column written without quotes arrives as several fields: they are
 * all aliases.
 */
function csvRow(line: string): ListTag | null {
  if (!line.includes('"')) {
    const c1 = line.indexOf(',');
    const c2 = c1 < 0 ? -1 : line.indexOf(',', c1 + 1);
    if (c2 < 0) return null;
    const c3 = line.indexOf(',', c2 + 1);
    const end = c3 < 0 ? line.length : c3;
    return toListTag(
      line.slice(0, c1),
      wholeNumber(line, c1 + 1, c2),
      wholeNumber(line, c2 + 1, end),
      c3 < 0 ? '' : line.slice(c3 + 1),
    );
  }
  const fields = splitCsvLine(line);
  if (!fields || fields.length < 3) return null;
  const [name, type, count, ...rest] = fields as [string, string, string, ...string[]];
  return toListTag(name, wholeNumber(type, 0, type.length), wholeNumber(count, 0, count.length), rest.join(','));
}

/**
 * A file is read as a CSV tag list when most of its first lines are rows
 * (a header line or two must not flip it). A `.csv` file needs only one row:
 * its extension already says what it is.
 */
function looksLikeCsv(lines: readonly string[], source: string): boolean {
  let sampled = 0;
  let rows = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    sampled++;
    if (csvRow(line)) rows++;
    if (sampled === SNIFF_LINES) break;
  }
  if (rows === 0) return false;
  return /\.csv$/i.test(source) || rows * 2 >= sampled;
}

function parseCsvList(lines: readonly string[]): ParsedTagList {
  const tags: ListTag[] = [];
  let skipped = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const tag = csvRow(line);
    if (tag) tags.push(tag);
    else skipped++;
  }
  return { tags, skipped };
}

/** One tag per line, or tags separated by commas (a `tags.txt`), or both. */
function parsePlainList(lines: readonly string[]): ParsedTagList {
  const tags: ListTag[] = [];
  let skipped = 0;
  for (const line of lines) {
    for (const part of line.split(',')) {
      const name = part.trim();
      if (name === '') continue;
      if (usableName(name)) tags.push({ name, category: 'unknown', postCount: 0, aliases: NO_ALIASES });
      else skipped++;
    }
  }
  return { tags, skipped };
}

/**
 * Reads a tag list: a tagcomplete-style CSV (no header; `name,type,post_count`
 * and an optional quoted alias column) or a plain list. Never throws: lines
 * that are not tags are counted in `skipped` so the UI can say so. A tag
 * listed twice stays twice here; the suggestion index merges tags that differ
 * only in case or `_`/space anyway. `source` (a file name) helps tell the two
 * formats apart.
 */
export function parseTagList(text: string, source: string): ParsedTagList {
  const lines = linesOf(text);
  return readLines(lines, looksLikeCsv(lines, source));
}

/** whether a list whose text begins with `head` is a CSV tag list (see looksLikeCsv) */
export function isCsvList(head: string, source: string): boolean {
  return looksLikeCsv(linesOf(head), source);
}

/** the tags of a part of a list cut at a line break, read as the whole list's format (see isCsvList) */
export function parseListPart(text: string, csv: boolean): ParsedTagList {
  return readLines(linesOf(text), csv);
}

const readLines = (lines: readonly string[], csv: boolean): ParsedTagList => (csv ? parseCsvList(lines) : parsePlainList(lines));

const linesOf = (text: string): string[] => splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/** CRLF, LF or a lone CR (old Mac files) all end a line */
function splitLines(text: string): string[] {
  // a plain split is many times faster than a regex split on a 3.5 MB file
  if (!text.includes('\r')) return text.split('\n');
  return text.split('\n').flatMap((line) => {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    return trimmed.includes('\r') ? trimmed.split('\r') : [trimmed];
  });
}

const DANBOORU_FILE = 'danbooru.csv';

/**
 * The shipped Danbooru list: `$LORA_TAGGER_ASSETS/tags/danbooru.csv` when that
 * variable names the assets folder (a packaged app sets it to its resources),
 * otherwise the nearest `assets/tags` above this module, which finds the
 * repo's copy both from source and from the bundled `out/main`.
 */
export function danbooruListPath(): string {
  const override = process.env.LORA_TAGGER_ASSETS;
  if (override) return join(override, 'tags', DANBOORU_FILE);
  const here = fileURLToPath(import.meta.url);
  let dir = dirname(here);
  for (;;) {
    const candidate = join(dir, 'assets', 'tags');
    if (existsSync(candidate)) return join(candidate, DANBOORU_FILE);
    const parent = dirname(dir);
    if (parent === dir) throw new AppError('not-found', `assets/tags/${DANBOORU_FILE} was not found above ${here}`);
    dir = parent;
  }
}
