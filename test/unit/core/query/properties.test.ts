import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, filterImages, indexImage } from '../../../../src-main/core/query';
import { indexed } from './dataset';

/** fragments that exercise every corner of the grammar when glued together at random */
const fragment = fc.constantFrom(
  'tag:', 'tags:', 'caption:', 'name:', 'path:', 'status:', 'foo:', 'TAG:',
  '"', '\\', '(', ')', '-', '*', '?', ':', ' ', '  ', '\t',
  'AND', 'or', 'Not', 'and', 'hat', 'long hair', 'mychar', 'skip', 'todo',
  '>', '>=', '<', '<=', '=', '!=', '0', '5', '20', '😀', 'İ', 'constructor', '__proto__',
);
const queryish = fc.array(fragment, { maxLength: 20 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), queryish);

describe('compileQuery: never throws', () => {
  it('on any string: it either compiles to a test that runs, or names a range inside the query', () => {
    fc.assert(
      fc.property(anyText, (query) => {
        const result = compileQuery(query);
        if (result.ok) {
          for (const img of indexed) expect(typeof result.test(img)).toBe('boolean');
        } else {
          const { message, start, end } = result.error;
          expect(message.length).toBeGreaterThan(0);
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(query.length);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

/** small valid queries, to check the operators mean what they say */
const term = fc.constantFrom(
  'tag:hat', 'tag:mychar', 'tag:*hair', 'tags:>3', 'tags:=0', 'status:todo', 'status:skip',
  'name:*.png', 'path:outdoor', 'smile', '"long hair"', 'caption:beach',
);
const validQuery: fc.Arbitrary<string> = fc.letrec<{ q: string }>((tie) => ({
  q: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    term,
    tie('q').map((a) => `-(${a})`),
    fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a}) AND (${b})`),
    fc.tuple(tie('q'), tie('q')).map(([a, b]) => `(${a}) OR (${b})`),
  ),
})).q;

const matched = (query: string): Set<number> => {
  const result = filterImages(indexed, query);
  if (!result.ok) throw new Error(`${query}: ${result.error.message}`);
  return new Set(result.indices);
};
const everyIndex = indexed.map((_, i) => i);

describe('compileQuery: the operators', () => {
  it('NOT is the complement, AND the intersection, OR the union, adjacency an AND', () => {
    fc.assert(
      fc.property(validQuery, validQuery, (a, b) => {
        const ma = matched(a);
        const mb = matched(b);
        expect(matched(`-(${a})`)).toEqual(new Set(everyIndex.filter((i) => !ma.has(i))));
        expect(matched(`(${a}) AND (${b})`)).toEqual(new Set([...ma].filter((i) => mb.has(i))));
        expect(matched(`(${a}) (${b})`)).toEqual(new Set([...ma].filter((i) => mb.has(i))));
        expect(matched(`(${a}) OR (${b})`)).toEqual(new Set([...ma, ...mb]));
      }),
      { numRuns: 300 },
    );
  });
});

function matches(query: string, img: ReturnType<typeof indexImage>): boolean {
  const compiled = compileQuery(query);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.test(img);
}

describe('compileQuery: tag wildcards', () => {
  /** a glob as a regular expression over one tag: the reference the compiled matchers must agree with */
  const reference = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '.')}$`, 'u');
  const letters = fc.constantFrom('a', 'b', 'c', ' ', 'é');
  const tag = fc.array(letters, { minLength: 1, maxLength: 5 }).map((l) => l.join(''));
  const pattern = fc.array(fc.oneof(letters, fc.constant('*'), fc.constant('?')), { minLength: 1, maxLength: 6 }).map((l) => l.join(''));

  it('match a tag: pattern exactly where some tag matches it whole, never across two tags', () => {
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 5 }), pattern, (tags, glob) => {
        const img = { nameLower: 'x.png', pathLower: 'x.png', captionLower: tags.join(', '), tagCount: tags.length, status: 'tagged' as const };
        const lines = tags.length === 0 ? '\n' : `\n${tags.join('\n')}\n`;
        const compiled = compileQuery(`tag:"${glob}"`);
        if (!compiled.ok) throw new Error(compiled.error.message);
        const re = reference(glob);
        expect(compiled.test({ ...img, tagLines: lines })).toBe(tags.some((t) => re.test(t)));
        // and the same from the caption, where it is the tags joined as the app writes them (no lines kept)
        if (tags.length > 0) expect(compiled.test({ ...img, tagLines: null })).toBe(tags.some((t) => re.test(t)));
      }),
      { numRuns: 3000 },
    );
  });

  it('find the same tags in a caption written as its tags and in one written otherwise', () => {
    // what a tag read from a file may hold: case that lower-cases to more characters, a line break, spaces, a star
    const piece = fc.constantFrom('a', 'B', ' ', 'é', 'İ', 'Σ', '\n', '*', 'ab');
    const fileTag = fc.array(piece, { minLength: 1, maxLength: 4 }).map((l) => l.join('').trim()).filter((t) => t !== '');
    const glob = fc.array(fc.constantFrom('a', 'b', ' ', 'é', 'i̇', 'σ', 'ς', '*', '?', '\\*'), { minLength: 1, maxLength: 5 }).map((l) => l.join(''));
    fc.assert(
      fc.property(fc.array(fileTag, { minLength: 1, maxLength: 5 }), glob, (tags, pattern) => {
        const written = indexImage({ name: 'x.png', path: 'x.png', caption: tags.join(', '), tags, status: 'tagged' });
        const otherwise = indexImage({ name: 'x.png', path: 'x.png', caption: `${tags.join(',\n')},`, tags, status: 'tagged' });
        expect(otherwise.tagLines).not.toBeNull();
        const compiled = compileQuery(`tag:"${pattern.replace(/"/g, '\\"')}"`);
        if (!compiled.ok) return;
        expect(compiled.test(written)).toBe(compiled.test(otherwise));
      }),
      { numRuns: 5000 },
    );
    // a caption as the app writes it keeps no second copy of its tags
    expect(indexImage({ name: 'x.png', path: 'x.png', caption: 'Blue Eyes, red', tags: ['Blue Eyes', 'red'], status: 'tagged' }).tagLines).toBeNull();
    // a tag with a comma in it (no parse makes one) is never taken for two
    const oneTag = indexImage({ name: 'x.png', path: 'x.png', caption: 'a, b', tags: ['a, b'], status: 'tagged' });
    expect([matches('tag:a', oneTag), matches('tag:"a, b"', oneTag)]).toEqual([false, true]);
  });
});
