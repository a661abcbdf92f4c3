import { tagLine, tagLineNeedle, tagsInLines, type IndexedImage } from './indexed-image';
import { lex, type QueryError, type ValueText } from './lexer';
import { parse, type QueryNode, type TermToken } from './parser';
import { containsMatcher, hasWildcard, literalOf, longestLiteral, starredLiteral, wholeMatcher } from './pattern';

/**
 * Turns a filter query into one closure, built once and run per image. Every
 * string the closures compare was lower-cased before: the pattern here, the
 * image when it was indexed.
 */

export type ImageTest = (img: IndexedImage) => boolean;
export type CompileResult = { ok: true; test: ImageTest } | { ok: false; error: QueryError };
export type FilterResult = { ok: true; indices: number[] } | { ok: false; error: QueryError };

export const QUERY_FIELDS = ['tag', 'tags', 'caption', 'name', 'path', 'status'] as const;
const STATUSES = new Set(['todo', 'tagged', 'skip']);
/** what people type for a status besides its own name: the stats bar says "Skipped" */
const STATUS_ALIASES: Readonly<Record<string, string>> = { skipped: 'skip' };
const COUNT = /^(<=|>=|!=|=|<|>)?(\d+)$/;

/** a test and a rough price, so AND and OR run their cheapest parts first */
interface Compiled {
  test: ImageTest;
  cost: number;
}

class TermFailure {
  constructor(readonly error: QueryError) {}
}

function fail(message: string, start: number, end: number): never {
  throw new TermFailure({ message, start, end });
}

function countTest(value: ValueText): Compiled {
  const m = COUNT.exec(value.text);
  if (!m) fail('tags: takes a tag count, like tags:=0 or tags:>20 (to find a tag, use tag:)', value.start, value.end);
  const n = Number(m[2]);
  const test: ImageTest = (() => {
    switch (m[1]) {
      case '<':
        return (img: IndexedImage) => img.tagCount < n;
      case '>':
        return (img: IndexedImage) => img.tagCount > n;
      case '<=':
        return (img: IndexedImage) => img.tagCount <= n;
      case '>=':
        return (img: IndexedImage) => img.tagCount >= n;
      case '!=':
        return (img: IndexedImage) => img.tagCount !== n;
      default: // '=' or a bare number
        return (img: IndexedImage) => img.tagCount === n;
    }
  })();
  return { test, cost: 0 };
}

function tagTest(value: ValueText): Compiled {
  if (!hasWildcard(value.parts)) {
    const line = tagLine(literalOf(value.parts));
    return { test: (img) => img.tagLines.includes(line), cost: 1 };
  }
  // `long*`, `*eyes`, `*hair*`: one search of the image's tag lines, no tag matched one by one
  const starred = starredLiteral(value.parts);
  if (starred) {
    const needle = tagLineNeedle(starred.text, starred.starBefore, starred.starAfter);
    return { test: (img) => img.tagLines.includes(needle), cost: 1 };
  }
  const matches = wholeMatcher(value.parts);
  const must = longestLiteral(value.parts);
  if (!must) return { test: (img) => tagsInLines(img.tagLines).some(matches), cost: 4 };
  return { test: (img) => img.tagLines.includes(must) && tagsInLines(img.tagLines).some(matches), cost: 4 };
}

/** name: and path: read a wildcard pattern as the whole value (`*.png`), plain text as "contains" */
function textField(value: ValueText, read: (img: IndexedImage) => string, cost: number): Compiled {
  const matches = hasWildcard(value.parts) ? wholeMatcher(value.parts) : containsMatcher(value.parts);
  return { test: (img) => matches(read(img)), cost: hasWildcard(value.parts) ? cost + 2 : cost };
}

function captionTest(value: ValueText): Compiled {
  const matches = containsMatcher(value.parts);
  return { test: (img) => matches(img.captionLower), cost: hasWildcard(value.parts) ? 5 : 3 };
}

function compileTerm(token: TermToken): Compiled {
  const { value } = token;
  if (token.kind === 'text') {
    if (value.text === '') fail('Empty quotes: type something between them', token.start, token.end);
    return captionTest(value);
  }

  const field = token.name.toLowerCase();
  if (!(QUERY_FIELDS as readonly string[]).includes(field)) {
    const known = QUERY_FIELDS.map((f) => `${f}:`).join(' ');
    fail(
      `Unknown field "${token.name}:". Fields are ${known}. To search for text with a colon, put it in quotes`,
      token.start,
      token.nameEnd + 1,
    );
  }
  if (value.text === '') fail(`${field}: needs a value`, token.start, token.end);

  switch (field) {
    case 'tag':
      return tagTest(value);
    case 'tags':
      return countTest(value);
    case 'caption':
      return captionTest(value);
    case 'name':
      return textField(value, (img) => img.nameLower, 2);
    case 'path':
      return textField(value, (img) => img.pathLower, 2);
    default: {
      const typed = value.text.toLowerCase();
      const status = STATUS_ALIASES[typed] ?? typed;
      if (!STATUSES.has(status)) fail(`Unknown status "${value.text}": use todo, tagged or skip (or skipped)`, value.start, value.end);
      return { test: (img) => img.status === status, cost: 0 };
    }
  }
}

function compileAll(items: readonly QueryNode[], every: boolean): Compiled {
  const parts = items.map(compileNode).sort((a, b) => a.cost - b.cost);
  const tests = parts.map((p) => p.test);
  const cost = parts.reduce((sum, p) => sum + p.cost, 0);
  const [first, second] = tests;
  if (tests.length === 2 && first && second) {
    return { test: every ? (img) => first(img) && second(img) : (img) => first(img) || second(img), cost };
  }
  if (every) return { test: (img) => tests.every((t) => t(img)), cost };
  return { test: (img) => tests.some((t) => t(img)), cost };
}

function compileNode(node: QueryNode): Compiled {
  switch (node.kind) {
    case 'term':
      return compileTerm(node.token);
    case 'not': {
      const inner = compileNode(node.item);
      return { test: (img) => !inner.test(img), cost: inner.cost };
    }
    case 'and':
      return compileAll(node.items, true);
    case 'or':
      return compileAll(node.items, false);
  }
}

/**
 * Compiles a filter query. Never throws on what a user types: a bad query
 * comes back as a message with the [start, end) range to underline. An empty
 * query matches every image.
 */
export function compileQuery(source: string): CompileResult {
  const lexed = lex(source);
  if (!lexed.ok) return lexed;
  const parsed = parse(lexed.tokens);
  if (!parsed.ok) return parsed;
  if (parsed.node === null) return { ok: true, test: () => true };
  try {
    return { ok: true, test: compileNode(parsed.node).test };
  } catch (err) {
    if (err instanceof TermFailure) return { ok: false, error: err.error };
    throw err;
  }
}

/** Indices (into `images`) of the images the query matches, in order; or the query's error. */
export function filterImages(images: readonly IndexedImage[], source: string): FilterResult {
  const compiled = compileQuery(source);
  if (!compiled.ok) return compiled;
  const { test } = compiled;
  const indices: number[] = [];
  for (let i = 0; i < images.length; i++) if (test(images[i] as IndexedImage)) indices.push(i);
  return { ok: true, indices };
}
