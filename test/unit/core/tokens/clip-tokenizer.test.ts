import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CLIP_END_ID,
  CLIP_START_ID,
  CLIP_TOKEN_LIMIT,
  clipVocabPath,
  loadClipTokenizer,
  normalizeForClip,
  type ClipTokenizer,
} from '../../../../src-main/core/tokens/clip-tokenizer';
import { AppError } from '../../../../src-main/core/app-error';
import { HF_FAST_GOLDENS, TRANSFORMERS_INTEGRATION_IDS, TRANSFORMERS_INTEGRATION_TEXT } from './clip-goldens';

const REPO_VOCAB = fileURLToPath(new URL('../../../../assets/clip/bpe_simple_vocab_16e6.txt.gz', import.meta.url));

let clip: ClipTokenizer;
beforeAll(() => {
  clip = loadClipTokenizer(clipVocabPath());
});

describe('CLIP ids against published values', () => {
  it('encodes "a photo of a cat" / "a photo of a dog" as CLIP does', () => {
    // elixir-nx/bumblebee test/bumblebee/text/clip_tokenizer_test.exs:
    // [49406, 320, 1125, 539, 320, 2368, 49407] and ... 1929 for "dog".
    expect(clip.encode('a photo of a cat')).toEqual([320, 1125, 539, 320, 2368]);
    expect(clip.encode('a photo of a dog')).toEqual([320, 1125, 539, 320, 1929]);
  });

  it('encodes the quick brown fox as OpenAI\'s own tokenizer does', () => {
    // apple/corenet, test for OpenAIClipTokenizer over OpenAI's bpe_simple_vocab_16e6.
    expect(clip.encode('the quick brown fox jumped over the lazy dog')).toEqual([
      518, 3712, 2866, 3240, 16901, 962, 518, 10753, 1929,
    ]);
  });

  it('matches transformers\' CLIP integration test, emoji, CJK and Thai included', () => {
    expect(clip.encode(TRANSFORMERS_INTEGRATION_TEXT)).toEqual(TRANSFORMERS_INTEGRATION_IDS);
  });

  it.each(HF_FAST_GOLDENS.map(([text, ids]) => ({ text, ids })))(
    'matches Hugging Face CLIPTokenizer on $text',
    ({ text, ids }) => {
      expect(clip.encode(text)).toEqual(ids);
    },
  );
});

describe('counting captions', () => {
  it('counts a tag caption token by token: digits split, underscores are their own token', () => {
    // From the golden "1girl, solo, long_hair, ...": 1 | girl | , | solo | , | long | _ | hair
    expect(clip.encode('1girl, solo, long_hair')).toEqual([272, 1611, 267, 5797, 267, 1538, 318, 2225]);
    expect(clip.count('1girl, solo, long_hair')).toBe(8);
    expect(clip.count('1girl, solo, long hair')).toBe(7);
  });

  it('excludes the start and end tokens from the count', () => {
    expect(clip.count('a photo of a cat')).toBe(5);
    expect(clip.count('')).toBe(0);
    expect(clip.encode('a')).not.toContain(CLIP_START_ID);
    expect(clip.encode('a')).not.toContain(CLIP_END_ID);
  });

  it('tells a caption that fits 75 tokens from one that crosses it', () => {
    expect(CLIP_TOKEN_LIMIT).toBe(75);
    const cat = 'a photo of a cat';
    expect(clip.count(Array(15).fill(cat).join(' '))).toBe(75);
    expect(clip.count(Array(16).fill(cat).join(' '))).toBe(80);

    // A realistic tag list: the 21-token golden caption four times, joined by
    // ", " (one comma token each): 4 * 21 + 3 = 87.
    const tags = '1girl, solo, long_hair, (masterpiece:1.2), best quality, artist name';
    const long = Array(4).fill(tags).join(', ');
    expect(clip.count(long)).toBe(87);
    expect(clip.count(long)).toBeGreaterThan(CLIP_TOKEN_LIMIT);
  });

  it('ignores case', () => {
    expect(clip.encode('A PHOTO OF A CAT')).toEqual(clip.encode('a photo of a cat'));
    expect(clip.encode('Long_Hair, BLUE eyes')).toEqual(clip.encode('long_hair, blue eyes'));
  });

  it('falls back to byte tokens for characters without a merge', () => {
    // U+10FFFD is F4 8F BF BD in UTF-8 and no merge joins any of them. Byte ids
    // follow GPT-2's table: printable bytes first (0xAE..0xFF start at 106),
    // then the rest (0x7F..0xA0 start at 221); the last byte carries </w> (+256).
    expect(clip.encode('\u{10FFFD}')).toEqual([106 + 0x46, 221 + 0x10, 106 + 0x11, 256 + 106 + 0x0f]);
  });

  it('still counts a pasted blob with no spaces (merged in 256-byte slices)', () => {
    const blob = 'a'.repeat(100_000);
    const count = clip.count(blob);
    expect(count).toBeGreaterThan(blob.length / 16);
    expect(count).toBeLessThanOrEqual(blob.length);
    expect(clip.encode(blob).every((id) => id >= 0 && id < CLIP_START_ID)).toBe(true);
  });

  it('collapses whitespace and treats newlines like spaces', () => {
    expect(normalizeForClip('  Long\t\tHair \n Blue  ')).toBe('long hair blue');
    expect(clip.encode('long\nhair')).toEqual(clip.encode('long hair'));
  });
});

describe('the word cache', () => {
  it('returns the same ids on repeat calls, and callers cannot corrupt it', () => {
    const caption = 'masterpiece, 1girl, solo, looking at viewer, masterpiece';
    const first = clip.encode(caption);
    first.push(999, 999);
    first[0] = -1;
    expect(clip.encode(caption)).toEqual(clip.encode(caption));
    expect(clip.encode(caption)).toEqual(loadClipTokenizer(clipVocabPath()).encode(caption));
    expect(clip.encode(caption)[0]).not.toBe(-1);
  });

  it('encodes words independently: encode(a + " " + b) = encode(a) ++ encode(b)', () => {
    const fresh = loadClipTokenizer(clipVocabPath());
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), (a, b) => {
        // Warm the cache with one tokenizer and compare against a cold one.
        const joined = clip.encode(`${a} ${b}`);
        expect(joined).toEqual([...clip.encode(a), ...clip.encode(b)]);
        expect(fresh.encode(`${a} ${b}`)).toEqual(joined);
        expect(joined.every((id) => Number.isInteger(id) && id >= 0 && id <= CLIP_END_ID)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('finding and loading the vocabulary', () => {
  const saved = process.env.LORA_TAGGER_ASSETS;
  afterEach(() => {
    if (saved === undefined) delete process.env.LORA_TAGGER_ASSETS;
    else process.env.LORA_TAGGER_ASSETS = saved;
  });

  it('finds assets/clip in the repository from the source tree', () => {
    delete process.env.LORA_TAGGER_ASSETS;
    expect(clipVocabPath()).toBe(REPO_VOCAB);
  });

  it('honours LORA_TAGGER_ASSETS as the assets folder', () => {
    process.env.LORA_TAGGER_ASSETS = '/opt/lora-tagger/resources/assets';
    expect(clipVocabPath()).toBe('/opt/lora-tagger/resources/assets/clip/bpe_simple_vocab_16e6.txt.gz');
  });

  it('reports a missing file as not-found and a corrupt one as invalid-input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clip-vocab-'));
    expect(() => loadClipTokenizer(join(dir, 'missing.gz'))).toThrow(
      expect.objectContaining({ name: 'AppError', code: 'not-found' }),
    );
    const notGz = join(dir, 'plain.txt');
    writeFileSync(notGz, '#version: 0.2\ni n\n');
    expect(() => loadClipTokenizer(notGz)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    const short = join(dir, 'short.gz');
    writeFileSync(short, gzipSync('#version: 0.2\ni n\nt h\n'));
    expect(() => loadClipTokenizer(short)).toThrow(AppError);
    expect(() => loadClipTokenizer(short)).toThrow(/has 2 merges, CLIP needs 48894/);
  });
});
