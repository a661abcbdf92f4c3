import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sideOf, wordDiff } from '../../../src-renderer/features/captioner/word-diff';

const join = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

describe('word diff of a current caption and a suggestion', () => {
  it('marks the words added and removed, keeping punctuation apart from its word', () => {
    expect(wordDiff('a red car, parked', 'a blue car, parked outside')).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'removed', text: 'red' },
      { kind: 'added', text: 'blue' },
      { kind: 'same', text: ' car, parked' },
      { kind: 'added', text: ' outside' },
    ]);
    expect(wordDiff('cat, dog', 'cat dog')).toEqual([
      { kind: 'same', text: 'cat' },
      { kind: 'removed', text: ',' },
      { kind: 'same', text: ' dog' },
    ]);
  });

  it('shows an empty current caption as all added, and equal texts as one kept run', () => {
    expect(wordDiff('', 'A photo of a cat.')).toEqual([{ kind: 'added', text: 'A photo of a cat.' }]);
    expect(wordDiff('same text', 'same text')).toEqual([{ kind: 'same', text: 'same text' }]);
  });

  it('keeps words with apostrophes and hyphens whole, in any script', () => {
    expect(wordDiff("the cat's well-lit face", "the dog's well-lit face")).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'removed', text: "cat's" },
      { kind: 'added', text: "dog's" },
      { kind: 'same', text: ' well-lit face' },
    ]);
    expect(wordDiff('一只猫 в саду', '一只猫 в лесу')).toEqual([
      { kind: 'same', text: '一只猫 в ' },
      { kind: 'removed', text: 'саду' },
      { kind: 'added', text: 'лесу' },
    ]);
  });

  it('gives back both texts exactly, whatever they hold', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (before, after) => {
        const parts = wordDiff(before, after);
        expect(join(sideOf(parts, 'before'))).toBe(before);
        expect(join(sideOf(parts, 'after'))).toBe(after);
        // runs of one kind are merged, so a view draws one mark per change
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
      }),
    );
  });

  it('answers for two very long, wholly different captions without building a huge table', () => {
    const a = 'alpha '.repeat(20_000);
    const b = 'beta '.repeat(20_000);
    const parts = wordDiff(a, b);
    expect(join(sideOf(parts, 'before'))).toBe(a);
    expect(join(sideOf(parts, 'after'))).toBe(b);
  });
});

describe('a diff a person can read', () => {
  it('does not anchor on a lone comma or space between changes', () => {
    expect(wordDiff('cat, outdoors', 'A red image, 120 by 90 pixels.')).toEqual([
      { kind: 'removed', text: 'cat, outdoors' },
      { kind: 'added', text: 'A red image, 120 by 90 pixels.' },
    ]);
  });

  it('still keeps the words both share', () => {
    expect(wordDiff('a cat, sitting', 'a dog, sitting')).toEqual([
      { kind: 'same', text: 'a ' },
      { kind: 'removed', text: 'cat' },
      { kind: 'added', text: 'dog' },
      { kind: 'same', text: ', sitting' },
    ]);
    expect(wordDiff('red car, blue car', 'green car, white car')).toEqual([
      { kind: 'removed', text: 'red' },
      { kind: 'added', text: 'green' },
      { kind: 'same', text: ' car, ' },
      { kind: 'removed', text: 'blue' },
      { kind: 'added', text: 'white' },
      { kind: 'same', text: ' car' },
    ]);
  });
});
