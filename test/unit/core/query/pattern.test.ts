import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PatternPart } from '../../../../src-main/core/query/lexer';
import { containsMatcher, wholeMatcher } from '../../../../src-main/core/query/pattern';

/** the obvious RegExp translation: correct, but backtracks badly on long text */
function reference(parts: readonly PatternPart[], anchored: boolean): RegExp {
  const source = parts
    .map((p) => {
      if (typeof p === 'string') return p.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return p.wildcard === '*' ? '[\\s\\S]*' : '[\\s\\S]';
    })
    .join('');
  return new RegExp(anchored ? `^(?:${source})$` : source, 'u');
}

// a small alphabet so that matches are common; the emoji checks that `?` is one character
const part: fc.Arbitrary<PatternPart> = fc.oneof(
  fc.constantFrom('a', 'b', 'ab', 'ba', '😀', '.', '('),
  fc.constantFrom<PatternPart>({ wildcard: '*' }, { wildcard: '?' }),
);
const text = fc.array(fc.constantFrom('a', 'b', '😀', '.', '('), { maxLength: 12 }).map((cs) => cs.join(''));

describe('wildcard patterns', () => {
  it('match exactly as the plain RegExp translation would, anchored and not', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 7 }), text, (parts, s) => {
        expect(wholeMatcher(parts)(s)).toBe(reference(parts, true).test(s));
        expect(containsMatcher(parts)(s)).toBe(reference(parts, false).test(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('examples', () => {
    const star = { wildcard: '*' } as const;
    const one = { wildcard: '?' } as const;
    expect(wholeMatcher([star, '.png'])('img.png')).toBe(true);
    expect(wholeMatcher([star, '.png'])('img.png.txt')).toBe(false);
    expect(wholeMatcher(['a', star, 'a'])('a')).toBe(false); // prefix and suffix may not overlap
    expect(wholeMatcher(['a', star, 'a'])('aa')).toBe(true);
    expect(wholeMatcher(['x', one])('x😀')).toBe(true);
    expect(containsMatcher(['blue', star, 'eyes'])('long hair, blue and green eyes')).toBe(true);
    expect(containsMatcher(['Blue'])('blue')).toBe(true); // the pattern is lower-cased; the text already was
  });

  it('stays linear on a long caption that a backtracking RegExp would choke on', () => {
    const star = { wildcard: '*' } as const;
    const caption = 'a'.repeat(20_000);
    // as a RegExp, [\s\S]*a[\s\S]*a[\s\S]*b backtracks through every split of 20,000 characters
    expect(containsMatcher(['a', star, 'a', star, 'a', star, 'b'])(caption)).toBe(false);
  });
});
