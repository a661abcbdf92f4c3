import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyCharsmap, CharsmapError, parseCharsmap } from '../../../../src-main/core/tokens/precompiled-charsmap';
import { buildCharsmap } from './charsmap-builder';

const map = (rules: Record<string, string>) => parseCharsmap(buildCharsmap(rules));

describe('reading a precompiled charsmap', () => {
  it('finds each rule and nothing else', () => {
    const m = map({ '\ufb01': 'fi', '\u3000': ' ', '\u200b': '', 'ab': 'X' });
    expect(m.transform('\ufb01')).toBe('fi');
    expect(m.transform('\u3000')).toBe(' ');
    expect(m.transform('\u200b')).toBe('');
    expect(m.transform('ab')).toBe('X');
    expect(m.transform('a')).toBeUndefined();
    expect(m.transform('b')).toBeUndefined();
    expect(m.transform('z')).toBeUndefined();
    expect(m.transform('')).toBeUndefined();
  });

  it('answers with the shortest rule that prefixes the chunk, as tokenizers does', () => {
    const m = map({ a: 'A', abc: 'LONG' });
    expect(m.transform('abc')).toBe('A');
    expect(m.transform('abz')).toBe('A');
  });

  it('agrees with a plain lookup on random rule sets', () => {
    // NUL ends a key in the Darts lookup, so no rule can contain one.
    const key = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }).filter((k) => !k.includes('\0'));
    fc.assert(
      fc.property(fc.dictionary(key, fc.string({ maxLength: 4 }), { minKeys: 1, maxKeys: 12 }), fc.array(key), (rules, probes) => {
        const m = map(rules);
        for (const probe of [...Object.keys(rules), ...probes]) {
          const keys = Object.keys(rules).filter((k) => probe.startsWith(k));
          const shortest = keys.sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b))[0];
          expect(m.transform(probe)).toBe(shortest === undefined ? undefined : rules[shortest]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses blobs that cannot be a charsmap', () => {
    expect(() => parseCharsmap(new Uint8Array([1, 0]))).toThrow(CharsmapError);
    expect(() => parseCharsmap(new Uint8Array([0xff, 0, 0, 0, 1, 2, 3, 4]))).toThrow(/255-byte trie/);
    const good = buildCharsmap({ a: 'b' });
    const badUtf8 = new Uint8Array([...good.slice(0, good.length - 2), 0xc3, 0]);
    expect(() => parseCharsmap(badUtf8)).toThrow(/not valid UTF-8/);
  });
});

describe('normalizing text with it', () => {
  it('rewrites mathematical letters to plain ones (tokenizers\' precompiled_test.rs case)', () => {
    const rules: Record<string, string> = { '\u200d': ' ' };
    for (const ch of new Set('𝔾𝕠𝕕𝕞𝕣𝕟𝕚𝕘')) {
      // 𝔾 is Fraktur, the rest double-struck: NFKC gives the plain letter.
      rules[ch] = ch.normalize('NFKC');
    }
    expect(applyCharsmap(map(rules), '𝔾𝕠𝕠𝕕 𝕞𝕠𝕣𝕟𝕚𝕟𝕘')).toBe('Good morning');
  });

  it('looks up a whole grapheme first, then its characters one by one', () => {
    expect(applyCharsmap(map({ 'e\u0301': '\u00e9' }), 'cafe\u0301')).toBe('caf\u00e9');
    expect(applyCharsmap(map({ '\u0301': '' }), 'cafe\u0301')).toBe('cafe');
    // tokenizers keeps only the replacement of a grapheme's shortest matching
    // prefix: with a rule for "a" alone, the accent on "a\u0301" is lost.
    expect(applyCharsmap(map({ a: 'A' }), 'a\u0301b')).toBe('Ab');
  });

  it('goes character by character in graphemes of six bytes or more', () => {
    // 👍🏽 is 8 bytes: the thumb is rewritten and the skin tone kept.
    expect(applyCharsmap(map({ '👍': '+' }), '👍🏽')).toBe('+🏽');
  });

  it('passes unmatched text through unchanged', () => {
    const text = 'long hair, 猫, 🐱, e\u0301';
    expect(applyCharsmap(map({ '\u3000': ' ' }), text)).toBe(text);
  });
});
