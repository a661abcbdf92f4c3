import { tagsOf, tagsText, tagTextTest, type IndexedImage } from './indexed-image';
import { lex, type QueryError, type ValueText } from './lexer';
import { parse, type QueryNode, type TermToken } from './parser';
import { containsMatcher, hasWildcard, literalOf, longestLiteral, starredLiteral, wholeMatcher } from './pattern';

/**
 * Turns a filter query into one closure, built once and run per image. Every
 * string the closures compare was lower-cased before: the pattern here, the
 * image when it was indexed.
 */

/**
 * The scores of an image's tags that a model wrote and its caption still
 * holds, one per tag (empty: every tag is a person's). Kept out of
 * IndexedImage: they change with an undo or a review, not with the caption
 * alone, and most queries never ask; FilterIndex looks them up only for a
 * query that does (`readsModelTags`).
 */
export type ModelTagScores = readonly number[];
export const NO_MODEL_TAGS: ModelTagScores = [];

/** `model` left out: the image has no model tags */
export type ImageTest = (img: IndexedImage, model?: ModelTagScores) => boolean;
export type CompileResult = { ok: true; test: ImageTest; readsModelTags: boolean } | { ok: false; error: QueryError };
export type FilterResult = { ok: true; indices: number[] } | { ok: false; error: QueryError };

export const QUERY_FIELDS = ['tag', 'tags', 'caption', 'name', 'path', 'status', 'source', 'score'] as const;
const STATUSES = new Set(['todo', 'tagged', 'skip']);
/** what people type for a status besides its own name: the stats bar says "Skipped" */
const STATUS_ALIASES: Readonly<Record<string, string>> = { skipped: 'skip' };
const COUNT = /^(<=|>=|!=|=|<|>)?(\d+)$/;
const SCORE = /^(<=|>=|<|>)(\d*\.?\d+)$/;
const SOURCES = new Set(['model', 'person']);

/** a test and a rough price, so AND and OR run their cheapest parts first */
interface Compiled {
  test: ImageTest;
  cost: number;
  /** asks for the image's model tags */
  model?: boolean;
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

/** score:<0.5: an image with a model tag that scored under 0.5 (any of them), so a person can look at the model's least sure */
function scoreTest(value: ValueText): Compiled {
  const m = SCORE.exec(value.text);
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(n >= 0 && n <= 1)) fail('score: takes a comparison with a score from 0 to 1, like score:<0.5 or score:>=0.9', value.start, value.end);
  const compare: (score: number) => boolean =
    m[1] === '<' ? (x) => x < n : m[1] === '>' ? (x) => x > n : m[1] === '<=' ? (x) => x <= n : (x) => x >= n;
  return { test: (_img, model = NO_MODEL_TAGS) => model.some(compare), cost: 2, model: true };
}

/** source:model: an image with a tag a model wrote; source:person: one with a tag a person wrote */
function sourceTest(value: ValueText): Compiled {
  const source = value.text.toLowerCase();
  if (!SOURCES.has(source)) fail(`Unknown source "${value.text}": use model or person`, value.start, value.end);
  const test: ImageTest = source === 'model' ? (_img, model = NO_MODEL_TAGS) => model.length > 0 : (img, model = NO_MODEL_TAGS) => img.tagCount > model.length;
  return { test, cost: 1, model: true };
}

function tagTest(value: ValueText): Compiled {
  if (!hasWildcard(value.parts)) return { test: tagTextTest(literalOf(value.parts), false, false), cost: 1 };
  // `long*`, `*eyes`, `*hair*`: one search of the image's tags, no tag matched one by one
  const starred = starredLiteral(value.parts);
  if (starred) return { test: tagTextTest(starred.text, starred.starBefore, starred.starAfter), cost: 1 };
  const matches = wholeMatcher(value.parts);
  const must = longestLiteral(value.parts);
  if (!must) return { test: (img) => tagsOf(img).some(matches), cost: 4 };
  return { test: (img) => tagsText(img).includes(must) && tagsOf(img).some(matches), cost: 4 };
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
    case 'source':
      return sourceTest(value);
    case 'score':
      return scoreTest(value);
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
  const model = parts.some((p) => p.model);
  const [first, second] = tests;
  if (tests.length === 2 && first && second) {
    return { test: every ? (img, m) => first(img, m) && second(img, m) : (img, m) => first(img, m) || second(img, m), cost, model };
  }
  if (every) return { test: (img, m) => tests.every((t) => t(img, m)), cost, model };
  return { test: (img, m) => tests.some((t) => t(img, m)), cost, model };
}

function compileNode(node: QueryNode): Compiled {
  switch (node.kind) {
    case 'term':
      return compileTerm(node.token);
    case 'not': {
      const inner = compileNode(node.item);
      return { test: (img, m) => !inner.test(img, m), cost: inner.cost, model: inner.model ?? false };
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
  if (parsed.node === null) return { ok: true, test: () => true, readsModelTags: false };
  try {
    const compiled = compileNode(parsed.node);
    return { ok: true, test: compiled.test, readsModelTags: compiled.model ?? false };
  } catch (err) {
    if (err instanceof TermFailure) return { ok: false, error: err.error };
    throw err;
  }
}

/** Indices (into `images`) of the images the query matches, in order; or the query's error. `model`: each image's model tag scores, by index. */
export function filterImages(images: readonly IndexedImage[], source: string, model: (index: number) => ModelTagScores = () => NO_MODEL_TAGS): FilterResult {
  const compiled = compileQuery(source);
  if (!compiled.ok) return compiled;
  const { test } = compiled;
  const indices: number[] = [];
  for (let i = 0; i < images.length; i++) if (test(images[i] as IndexedImage, model(i))) indices.push(i);
  return { ok: true, indices };
}
