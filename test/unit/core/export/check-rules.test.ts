import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { exportOptionsSchema } from '../../../../src-shared/contract/export';
import { checkRules, type CheckedImage } from '../../../../src-main/core/export/check-rules';
import { targetSpec } from '../../../../src-main/core/export/targets';
import { decodeWindows1252 } from '../../../../src-main/core/captions/windows-1252';

const image = (id: number, over: Partial<CheckedImage['source']> = {}): CheckedImage => ({
  source: { id, absPath: `/d/${id}.png`, relPath: `${id}.png`, captionText: 'a, b, c', skip: false, width: 1024, height: 1024, bytes: 1000, ...over },
  fingerprint: null,
});

const run = (target: 'civitai' | 'kohya' | 'ai-toolkit', images: CheckedImage[], clipCount?: (t: string) => number) => {
  const options = exportOptionsSchema.parse({ target, out: { kind: 'folder', path: '/out' }, trigger: 'ohwx', kohya: { name: 'woman' } });
  return checkRules({ images, skipped: [], mode: 'tags', options, spec: targetSpec(target), clipCount });
};

describe('checkRules', () => {
  it('refuses more than 1,000 images for Civitai only', () => {
    const many = Array.from({ length: 1001 }, (_, i) => image(i + 1));
    const civitai = run('civitai', many);
    expect(civitai.map((l) => [l.kind, l.severity])).toEqual([['too-many-images', 'error']]);
    expect(civitai[0]!.message).toContain('Mark 1 image to skip');
    expect(civitai[0]!.imageIds).toHaveLength(1001);
    expect(run('kohya', many)).toEqual([]);
    expect(run('civitai', many.slice(0, 1000))).toEqual([]);
  });

  it("says what kohya does with an image without a caption", () => {
    const lines = run('kohya', [image(1, { captionText: '' })]);
    expect(lines[0]!.message).toContain('kohya trains them on the class name "woman"');
  });

  it('counts tokens of the caption as exported, trigger included', () => {
    const seen: string[] = [];
    run('civitai', [image(1, { captionText: 'a, b' })], (t) => {
      seen.push(t);
      return 1;
    });
    expect(seen).toEqual(['ohwx, a, b']);
  });

  it('answers for a 10 MB caption, with a line of its own instead of a token count', () => {
    const counted: number[] = [];
    const huge = 'red, '.repeat(2_000_000);
    const lines = run('kohya', [image(1, { captionText: huge }), image(2, { captionText: 'red, blue, green' })], (t) => {
      counted.push(t.length);
      return 3;
    });
    expect(lines.map((l) => [l.kind, l.severity, l.imageIds])).toEqual([['huge-caption', 'warning', [1]]]);
    expect(lines[0]!.message).toBe(
      '1 caption over 200,000 characters (the largest 10,000,000): text encoders read only the first few hundred tokens; was a file saved in by mistake?',
    );
    expect(counted).toEqual(['ohwx, red, blue, green'.length]);
  });

  it('warns about captions read by a guessed encoding, or garbled, or holding NUL; never about plain Windows-1252', () => {
    // Shift-JIS bytes read as 1252 (the NEC row 0xED40 keeps them from being read as Shift-JIS)
    const garbled = decodeWindows1252(Buffer.concat([iconv.encode('猫耳, 少女, ', 'shiftjis'), Buffer.from([0xed, 0x40])]));
    const lines = run('kohya', [
      image(1, { captionText: '猫耳, 少女', captionEncoding: 'shiftjis' }),
      image(2, { captionText: '고양이, 소녀', captionEncoding: 'euckr' }),
      image(3, { captionText: garbled, captionEncoding: 'windows1252' }),
      image(4, { captionText: 'naïve, café, Öl, don’t', captionEncoding: 'windows1252' }),
      image(5, { captionText: 'a\0b', captionEncoding: 'utf8' }),
      image(6, { captionText: 'a, b' }),
    ]);
    expect(lines.map((l) => [l.kind, l.severity, l.imageIds])).toEqual([
      ['caption-encoding', 'warning', [1]],
      ['caption-encoding', 'warning', [2]],
      ['caption-encoding', 'warning', [3]],
      ['nul-in-caption', 'warning', [5]],
    ]);
    expect(lines.map((l) => l.message.split(',')[0])).toEqual([
      '1 caption read as Shift-JIS',
      '1 caption read as EUC-KR',
      '1 caption looks like Shift-JIS text with bytes that do not fit it',
      '1 caption holds NUL characters',
    ]);
  });

  it('warns about images smaller than the kohya resolution chosen, naming it and counting them', () => {
    const options = (resolution: number) =>
      exportOptionsSchema.parse({ target: 'kohya', out: { kind: 'folder', path: '/out' }, kohya: { resolution, maxBucket: 1536 } });
    const images = [
      image(1, { width: 512, height: 512 }),
      image(2, { width: 1024, height: 1024 }),
      image(3, { width: 1536, height: 512 }), // as many pixels as 886², enough for 768, not for 1024
      image(4, { width: 600, height: 900 }),
      image(5, { width: 200, height: 4000 }), // a strip: enough pixels, too narrow
    ];
    const small = (resolution: number) =>
      checkRules({ images, skipped: [], mode: 'tags', options: options(resolution), spec: targetSpec('kohya') }).find((l) => l.kind === 'too-small');
    expect(small(768)).toMatchObject({ imageIds: [1, 4, 5] });
    expect(small(768)!.message).toBe(
      '3 images smaller than the training resolution of 768 px (fewer pixels than 768×768): kohya upscales them to their bucket, which teaches blur.',
    );
    expect(small(1024)).toMatchObject({ imageIds: [1, 3, 4, 5] });
    expect(small(1024)!.message).toMatch(/^4 images smaller than the training resolution of 1024 px/);
    expect(small(512)).toMatchObject({ imageIds: [5] });
    // Civitai's trainer takes no resolution here: only what blurs at any size
    expect(run('civitai', images).find((l) => l.kind === 'too-small')).toMatchObject({ imageIds: [5] });
  });

  it("takes a file's size from the check's own read where the index has none yet (a first open's header check under way)", () => {
    const read = (bytes: number): CheckedImage => ({
      source: image(1, { bytes: -1 }).source,
      fingerprint: { ok: true, sha256: 'a'.repeat(64), bytes, dhash: '0'.repeat(16), mean: 100, width: 1024, height: 1024 },
    });
    expect(run('civitai', [read(51_000_000)]).find((l) => l.kind === 'file-too-large')).toMatchObject({ severity: 'error', imageIds: [1] });
    expect(run('civitai', [read(1_000)]).find((l) => l.kind === 'file-too-large')).toBeUndefined();
  });

  it('uses the probed size when the worker could not read one, and reports files over 50 MB as info outside Civitai', () => {
    const lines = run('kohya', [image(1, { width: 1000, height: 200, bytes: 51_000_000 })]);
    expect(lines.map((l) => [l.kind, l.severity])).toEqual([
      ['too-small', 'warning'],
      ['extreme-aspect', 'warning'],
      ['file-too-large', 'info'],
    ]);
  });
});
