import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadT5Tokenizer, T5_TOKEN_LIMIT, type T5Tokenizer } from '../../../../src-main/core/tokens/t5-tokenizer';
import { buildCharsmap } from './charsmap-builder';

/**
 * A miniature T5 tokenizer.json, shaped like the one Flux ships (Unigram,
 * unk_id 2, Precompiled + Replace normalizer, Metaspace pre-tokenizer, `</s>`
 * appended by the post-processor), with a vocabulary small enough that every
 * expected segmentation below is worked out by hand from these scores.
 */
const VOCAB: Array<[string, number]> = [
  ['<pad>', 0], //      0
  ['</s>', 0], //       1
  ['<unk>', 0], //      2
  ['▁', -2], //         3
  ['▁a', -3], //        4
  ['▁cat', -5], //      5
  ['▁ca', -1.5], //     6
  ['t', -1], //         7
  ['c', -4], //         8
  ['a', -4], //         9
  ['s', -3.5], //       10
  ['▁the', -3], //      11
  ['▁long', -4], //     12
  ['_', -4.5], //       13
  ['hair', -6], //      14 (the lowest score: unknowns cost -6 - 10 = -16)
  ['h', -5], //         15
  ['ai', -5.5], //      16
  ['r', -4], //         17
  ['▁hair', -5], //     18
  [',', -2.5], //       19
  ['▁fi', -4.5], //     20
  ['fi', -4], //        21
  ['sh', -4], //        22
  ['e', -4], //         23
  ['<extra_id_0>', 0], // 24
];

const CHARSMAP = Buffer.from(buildCharsmap({ '\ufb01': 'fi', '\u3000': ' ', '\u200b': '' })).toString('base64');

function tokenizerJson(changes: { normalizer?: unknown; pre_tokenizer?: unknown; model?: object } = {}) {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [
      { id: 0, content: '<pad>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
      { id: 1, content: '</s>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
      { id: 2, content: '<unk>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
      { id: 24, content: '<extra_id_0>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true },
    ],
    normalizer:
      'normalizer' in changes
        ? changes.normalizer
        : {
            type: 'Sequence',
            normalizers: [
              { type: 'Precompiled', precompiled_charsmap: CHARSMAP },
              { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' },
            ],
          },
    pre_tokenizer: 'pre_tokenizer' in changes
      ? changes.pre_tokenizer
      : { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '</s>', type_id: 0 } }],
    },
    decoder: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: 2, vocab: VOCAB, byte_fallback: false, ...changes.model },
  };
}

const dir = mkdtempSync(join(tmpdir(), 't5-tokenizer-'));
let fileCount = 0;
function writeJson(content: unknown): string {
  const path = join(dir, `tokenizer-${fileCount++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const load = (changes?: Parameters<typeof tokenizerJson>[0]) => loadT5Tokenizer(writeJson(tokenizerJson(changes)));

let t5: T5Tokenizer;
beforeAll(async () => {
  t5 = await load();
});

describe('segmenting with the fixture vocabulary', () => {
  it('picks the highest-scoring cut, not the longest piece', () => {
    // ▁cat: "▁ca"+"t" = -2.5 beats "▁cat" = -5 and "▁"+"c"+"a"+"t" = -11.
    expect(t5.encode('the cat')).toEqual([11, 6, 7]);
    // ▁cats: "▁ca"+"t"+"s" = -6 beats "▁cat"+"s" = -8.5.
    expect(t5.encode('cats')).toEqual([6, 7, 10]);
    // "hair" = -6 beats "h"+"ai"+"r" = -14.5.
    expect(t5.encode('long_hair')).toEqual([12, 13, 14]);
    expect(t5.encode('long hair, the cat')).toEqual([12, 18, 19, 11, 6, 7]);
  });

  it('counts without the closing </s>', () => {
    expect(t5.count('the cat')).toBe(3);
    expect(t5.count('')).toBe(0);
    expect(T5_TOKEN_LIMIT).toBe(512);
  });

  it('gives a run of unknown characters one <unk>, after the ▁ piece', () => {
    // "▁" = -2 then x at the unknown score -16; y and z fuse with it.
    expect(t5.encode('x')).toEqual([3, 2]);
    expect(t5.encode('xyz')).toEqual([3, 2]);
    expect(t5.encode('cat xyz cat')).toEqual([6, 7, 3, 2, 6, 7]);
    // CJK and emoji are unknown to this vocabulary too, ZWJ sequences included.
    expect(t5.encode('猫')).toEqual([3, 2]);
    expect(t5.encode('👩‍💻 cat')).toEqual([3, 2, 6, 7]);
    // Inside a word: "t" is known, "é" is not, "s" is.
    expect(t5.encode('tés')).toEqual([3, 7, 2, 10]);
  });

  it('splits out added tokens typed into the caption', () => {
    expect(t5.encode('cat</s>')).toEqual([6, 7, 1]);
    expect(t5.encode('<extra_id_0> the cat')).toEqual([24, 11, 6, 7]);
  });
});

describe('the normalizer and pre-tokenizer from the file', () => {
  it('applies the precompiled charsmap', () => {
    // ﬁ → "fi": "▁fi"+"sh" = -8.5 beats "▁"+"fi"+"sh" = -10.
    expect(t5.encode('\ufb01sh')).toEqual([20, 22]);
    expect(t5.encode('long\u3000hair')).toEqual([12, 18]);
    expect(t5.encode('long\u200bhair')).toEqual(t5.encode('longhair'));
  });

  it('collapses repeated spaces when the file says so, and keeps them as ▁ when it does not', async () => {
    expect(t5.encode('long    hair')).toEqual([12, 18]);
    const noCollapse = await load({ normalizer: { type: 'Precompiled', precompiled_charsmap: CHARSMAP } });
    expect(noCollapse.encode('long  hair')).toEqual([12, 3, 18]);
  });

  it('supports the older WhitespaceSplit + Metaspace(add_prefix_space) layout and NFKC', async () => {
    const old = await load({
      normalizer: { type: 'NFKC' },
      pre_tokenizer: {
        type: 'Sequence',
        pretokenizers: [{ type: 'WhitespaceSplit' }, { type: 'Metaspace', replacement: '▁', add_prefix_space: true }],
      },
    });
    expect(old.encode('long \t  hair')).toEqual([12, 18]);
    // Full-width letters fold to ASCII under NFKC.
    expect(old.encode('ｃａｔ')).toEqual([6, 7]);
  });

  it('prefixes ▁ only at the start of the input under prepend_scheme "first"', async () => {
    const first = await load({ pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'first', split: true } });
    expect(first.encode('cat')).toEqual([6, 7]);
    // After an added token "cat" gets no ▁: "c"+"a"+"t".
    expect(first.encode('</s>cat')).toEqual([1, 8, 9, 7]);
    expect(t5.encode('</s>cat')).toEqual([1, 6, 7]);
  });

  it('turns unknown characters into byte pieces when byte_fallback is on', async () => {
    const bytes: Array<[string, number]> = [['<0xE7>', -1], ['<0x8C>', -1], ['<0xAB>', -1]];
    const fallback = await load({ model: { vocab: [...VOCAB, ...bytes], byte_fallback: true } });
    // 猫 is E7 8C AB in UTF-8.
    expect(fallback.encode('猫')).toEqual([3, 25, 26, 27]);
    // A character whose bytes are not all in the vocabulary stays <unk>.
    expect(fallback.encode('x')).toEqual([3, 2]);
  });
});

describe('files that are not a Unigram tokenizer.json', () => {
  it('says a BPE tokenizer is not Unigram', async () => {
    const bpe = { ...tokenizerJson(), model: { type: 'BPE', vocab: { a: 0 }, merges: [] } };
    await expect(loadT5Tokenizer(writeJson(bpe))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/model is "BPE", not "Unigram"/),
    });
  });

  it('refuses text that is not JSON, and JSON without a model', async () => {
    await expect(loadT5Tokenizer(writeJson('{"model": '))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/not JSON/),
    });
    await expect(loadT5Tokenizer(writeJson({ version: '1.0' }))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/model/),
    });
  });

  it('names what is wrong in a Unigram model', async () => {
    await expect(load({ model: { vocab: [] } })).rejects.toMatchObject({ message: expect.stringMatching(/model\.vocab/) });
    await expect(load({ model: { vocab: [['a', 'high']] } })).rejects.toMatchObject({
      message: expect.stringMatching(/model\.vocab\.0\.1/),
    });
    await expect(load({ model: { unk_id: 99 } })).rejects.toMatchObject({ message: expect.stringMatching(/unk_id 99/) });
  });

  it('refuses normalizers and pre-tokenizers it does not implement, by name', async () => {
    await expect(load({ normalizer: { type: 'BertNormalizer', lowercase: true } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/normalizer "BertNormalizer"/),
    });
    await expect(load({ pre_tokenizer: { type: 'ByteLevel' } })).rejects.toMatchObject({
      message: expect.stringMatching(/pre_tokenizer "ByteLevel"/),
    });
    await expect(load({ normalizer: { type: 'Precompiled', precompiled_charsmap: 'AQID' } })).rejects.toMatchObject({
      message: expect.stringMatching(/precompiled_charsmap/),
    });
  });

  it('reports a missing file as not-found', async () => {
    await expect(loadT5Tokenizer(join(dir, 'absent.json'))).rejects.toMatchObject({ code: 'not-found' });
  });
});
