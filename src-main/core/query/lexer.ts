/**
 * Splits a filter query into tokens, each with its [start, end) range in the
 * source (UTF-16 indices, as the text box counts them) so any error can be
 * underlined where the user typed it.
 */
import { isWhiteSpaceCode } from '../../../src-shared/tag-text';

export interface QueryError {
  message: string;
  start: number;
  end: number;
}

/** A literal run of text, or a wildcard: `*` any run of characters, `?` exactly one. */
export type PatternPart = string | { wildcard: '*' | '?' };

/** Text the user typed as a value: quotes removed, backslash escapes resolved. */
export interface ValueText {
  /** the characters, wildcards included as typed: what `tags:` and `status:` read */
  text: string;
  /** the same split into literals and unescaped wildcards: what matching reads */
  parts: PatternPart[];
  quoted: boolean;
  start: number;
  end: number;
}

export type Token =
  | { kind: 'lparen' | 'rparen'; start: number; end: number }
  /** how messages name the operator: `AND`, `OR`, `NOT` or `"-"` */
  | { kind: 'and' | 'or' | 'not'; label: string; start: number; end: number }
  | { kind: 'text'; value: ValueText; start: number; end: number }
  | { kind: 'field'; name: string; nameEnd: number; value: ValueText; start: number; end: number };

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: QueryError };

const isSpace = (ch: string) => isWhiteSpaceCode(ch.charCodeAt(0));
/** what ends an unquoted word: it cannot hold these unless escaped with a backslash */
const endsWord = (ch: string) => isSpace(ch) || ch === '(' || ch === ')' || ch === '"';
const FIELD_NAME = /[A-Za-z]+:/y;
// a Map, not an object literal: a word like `constructor` must not find Object's prototype
const KEYWORDS = new Map<string, 'and' | 'or' | 'not'>([
  ['and', 'and'],
  ['or', 'or'],
  ['not', 'not'],
]);

class ValueBuilder {
  text = '';
  parts: PatternPart[] = [];
  private literal = '';

  char(ch: string, escaped: boolean): void {
    this.text += ch;
    if (!escaped && (ch === '*' || ch === '?')) {
      if (this.literal) this.parts.push(this.literal);
      this.literal = '';
      this.parts.push({ wildcard: ch });
    } else {
      this.literal += ch;
    }
  }

  finish(quoted: boolean, start: number, end: number): ValueText {
    if (this.literal) this.parts.push(this.literal);
    return { text: this.text, parts: this.parts, quoted, start, end };
  }
}

/** Reads a quoted value starting at the opening quote; a backslash escapes the next character. */
function readQuoted(src: string, open: number): { value: ValueText } | { error: QueryError } {
  const value = new ValueBuilder();
  let i = open + 1;
  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === '"') return { value: value.finish(true, open, i + 1) };
    if (ch === '\\' && i + 1 < src.length) {
      value.char(src[i + 1] as string, true);
      i += 2;
    } else {
      value.char(ch, false);
      i += 1;
    }
  }
  return { error: { message: 'Unclosed quote: add a closing "', start: open, end: src.length } };
}

/** Reads an unquoted word up to a space, a parenthesis or a quote. */
function readBare(src: string, from: number): ValueText {
  const value = new ValueBuilder();
  let i = from;
  while (i < src.length && !endsWord(src[i] as string)) {
    if (src[i] === '\\' && i + 1 < src.length) {
      value.char(src[i + 1] as string, true);
      i += 2;
    } else {
      value.char(src[i] as string, false);
      i += 1;
    }
  }
  return value.finish(false, from, i);
}

function readValue(src: string, from: number): { value: ValueText } | { error: QueryError } {
  return src[from] === '"' ? readQuoted(src, from) : { value: readBare(src, from) };
}

export function lex(src: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] as string;
    if (isSpace(ch)) {
      i += 1;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 });
      i += 1;
      continue;
    }
    if (ch === '-') {
      // `-term` negates; a `-` standing alone is almost surely a typo for one
      const next = src[i + 1];
      if (next === undefined || isSpace(next)) {
        return {
          ok: false,
          error: { message: '"-" must be followed directly by a term, like -tag:hat', start: i, end: i + 1 },
        };
      }
      tokens.push({ kind: 'not', label: '"-"', start: i, end: i + 1 });
      i += 1;
      continue;
    }

    FIELD_NAME.lastIndex = i;
    const field = FIELD_NAME.exec(src);
    if (field) {
      const nameEnd = i + field[0].length - 1;
      const read = readValue(src, nameEnd + 1);
      if ('error' in read) return { ok: false, error: read.error };
      const name = src.slice(i, nameEnd);
      tokens.push({ kind: 'field', name, nameEnd, value: read.value, start: i, end: read.value.end });
      i = read.value.end;
      continue;
    }

    const read = readValue(src, i);
    if ('error' in read) return { ok: false, error: read.error };
    const { value } = read;
    // as typed, so a quoted "and" or an escaped \and is text to search for
    const keyword = KEYWORDS.get(src.slice(value.start, value.end).toLowerCase());
    if (keyword) tokens.push({ kind: keyword, label: keyword.toUpperCase(), start: value.start, end: value.end });
    else tokens.push({ kind: 'text', value, start: value.start, end: value.end });
    i = value.end;
  }
  return { ok: true, tokens };
}
