import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOptionsSchema, type ExportOptionsInput } from '../../../../src-shared/contract/export';
import { runExport } from '../../../../src-main/core/export';
import {
  halfTransparentPng,
  jpegWithExif,
  pixelAt,
  pngChunkTypes,
  pngWithPrompt,
  readZip,
  rotatedJpeg,
  solid,
  tempDir,
  writeDataset,
  type FixtureImage,
} from '../../../fixtures/export/fixture-images';
import { testThreadPools } from '../../../support/test-thread-pools';

const { export: pool } = testThreadPools();

let work: string;
beforeAll(async () => {
  work = await tempDir('civitai');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

let runs = 0;
async function exportZip(images: FixtureImage[], mode: 'tags' | 'text', over: Partial<ExportOptionsInput> = {}) {
  const root = join(work, `dataset-${runs}`);
  const zip = join(work, `out-${runs++}.zip`);
  const sources = await writeDataset(root, images);
  const options = exportOptionsSchema.parse({ target: 'civitai', out: { kind: 'zip', path: zip }, ...over });
  const summary = await runExport(pool, sources, mode, options);
  return { summary, entries: await readZip(zip), zip };
}

const png = (rgb: readonly [number, number, number] = [120, 130, 140]) => solid(8, 8, rgb).png().toBuffer();

describe('civitai zip', () => {
  it('puts images and same-named captions at the root, trigger first in tags mode, not doubled', async () => {
    const { summary, entries } = await exportZip(
      [
        { rel: 'a.png', data: await png(), caption: '1girl, red hair' },
        { rel: 'sub/b.jpg', data: await solid(8, 8, [1, 2, 3]).jpeg().toBuffer(), caption: 'ohwx, smile' },
        { rel: 'c.png', data: await png(), caption: 'solo, ohwx' },
        { rel: 'd.png', data: await png(), caption: '' },
        { rel: 'e.png', data: await png(), caption: 'skipped one', skip: true },
      ],
      'tags',
      { trigger: 'ohwx' },
    );
    expect(entries.map((e) => e.name)).toEqual(['a.png', 'a.txt', 'sub_b.jpg', 'sub_b.txt', 'c.png', 'c.txt', 'd.png']);
    const text = (name: string) => entries.find((e) => e.name === name)!.data.toString('utf8');
    expect(text('a.txt')).toBe('ohwx, 1girl, red hair');
    expect(text('sub_b.txt')).toBe('ohwx, smile');
    expect(text('c.txt')).toBe('ohwx, solo');
    expect(summary.written).toBe(4);
    expect(summary.skipped).toEqual([{ id: 5, name: 'e.png', reason: 'marked to skip' }]);
    expect(summary.notes.join('\n')).toContain('1 image without a caption');
  });

  it('stores images uncompressed and deflates captions', async () => {
    const { entries } = await exportZip([{ rel: 'a.png', data: await png(), caption: 'x, y' }], 'tags');
    expect(entries.find((e) => e.name === 'a.png')!.method).toBe(0);
    expect(entries.find((e) => e.name === 'a.txt')!.method).toBe(8);
  });

  it('puts the trigger first in text mode unless the caption already starts with it', async () => {
    const { entries } = await exportZip(
      [
        { rel: 'a.png', data: await png(), caption: 'a man on a beach' },
        { rel: 'b.png', data: await png(), caption: 'ohwx, a man in a hat' },
        { rel: 'c.png', data: await png(), caption: 'ohwxyz is another word' },
      ],
      'text',
      { trigger: 'ohwx' },
    );
    const texts = entries.filter((e) => e.name.endsWith('.txt')).map((e) => e.data.toString('utf8'));
    expect(texts).toEqual(['ohwx, a man on a beach', 'ohwx, a man in a hat', 'ohwx, ohwxyz is another word']);
  });

  it('writes captions in UTF-8 without a byte-order mark, text kept as written', async () => {
    const { entries } = await exportZip([{ rel: 'a.png', data: await png(), caption: '\uFEFFCafé_Latte, (smile:1.2)' }], 'tags');
    const bytes = entries.find((e) => e.name === 'a.txt')!.data;
    expect(bytes.equals(Buffer.from('Café_Latte, (smile:1.2)', 'utf8'))).toBe(true);
  });

  it('gives two images sharing a stem their own caption names', async () => {
    const { entries } = await exportZip(
      [
        { rel: 'a.png', data: await png(), caption: 'from png' },
        { rel: 'a.jpg', data: await solid(8, 8, [5, 5, 5]).jpeg().toBuffer(), caption: 'from jpg' },
      ],
      'tags',
    );
    expect(entries.map((e) => [e.name, e.name.endsWith('.txt') ? e.data.toString() : ''])).toEqual([
      ['a.png', ''],
      ['a.txt', 'from png'],
      ['a_2.jpg', ''],
      ['a_2.txt', 'from jpg'],
    ]);
  });

  it('converts gif and tiff to png, strips prompts and flattens transparency', async () => {
    const { entries, summary } = await exportZip(
      [
        { rel: 'anim.gif', data: await solid(8, 8, [255, 0, 0]).gif().toBuffer(), caption: 'a' },
        { rel: 'scan.tiff', data: await solid(8, 8, [0, 255, 0]).tiff().toBuffer(), caption: 'b' },
        { rel: 'prompt.png', data: await pngWithPrompt(), caption: 'c' },
        { rel: 'alpha.png', data: await halfTransparentPng(), caption: 'd' },
      ],
      'tags',
      { background: '#ff00ff' },
    );
    expect(entries.filter((e) => !e.name.endsWith('.txt')).map((e) => e.name)).toEqual([
      'anim.png',
      'scan.png',
      'prompt.png',
      'alpha.png',
    ]);
    for (const e of entries.filter((x) => x.name.endsWith('.png'))) {
      expect((await sharp(e.data).metadata()).format).toBe('png');
      expect(pngChunkTypes(e.data).filter((t) => /^(tEXt|iTXt|zTXt|eXIf|iCCP)$/.test(t))).toEqual([]);
    }
    expect(entries.find((e) => e.name === 'prompt.png')!.data.includes('secret')).toBe(false);
    expect(await pixelAt(entries.find((e) => e.name === 'alpha.png')!.data, 0, 0)).toEqual([255, 0, 255]);
    expect(summary.notes.join('\n')).toContain('2 images re-encoded');
  });

  it('turns a rotated-EXIF JPEG upright and strips EXIF from every JPEG', async () => {
    const { entries } = await exportZip(
      [
        { rel: 'rot.jpg', data: await rotatedJpeg(), caption: 'r' },
        { rel: 'cam.jpg', data: await jpegWithExif(), caption: 'c' },
      ],
      'tags',
    );
    const rot = entries.find((e) => e.name === 'rot.jpg')!.data;
    const meta = await sharp(rot).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1, meta.exif]).toEqual([20, 40, 1, undefined]);
    const [r, g, b] = await pixelAt(rot, 17, 2);
    expect(r > 200 && g < 60 && b < 60).toBe(true);
    const cam = entries.find((e) => e.name === 'cam.jpg')!.data;
    expect((await sharp(cam).metadata()).exif).toBeUndefined();
    expect(cam.includes('SecretCam')).toBe(false);
  });

  it('honours the 2048 cap on the longest side', async () => {
    const { entries } = await exportZip(
      [{ rel: 'wide.jpg', data: await solid(3000, 1000, [10, 10, 10]).jpeg().toBuffer(), caption: 'w' }],
      'tags',
      { maxSide: 2048 },
    );
    const meta = await sharp(entries[0]!.data).metadata();
    expect([meta.width, meta.height]).toEqual([2048, 683]);
  });

  it('renumbers files when asked', async () => {
    const { entries } = await exportZip(
      [
        { rel: 'z.png', data: await png(), caption: 'z' },
        { rel: 'a.jpg', data: await solid(8, 8, [5, 5, 5]).jpeg().toBuffer(), caption: 'a' },
      ],
      'tags',
      { rename: 'renumber' },
    );
    expect(entries.map((e) => e.name)).toEqual(['0001.png', '0001.txt', '0002.jpg', '0002.txt']);
  });

  it('leaves out an unreadable image with its reason and exports the rest', async () => {
    const { summary, entries } = await exportZip(
      [
        { rel: 'good.png', data: await png(), caption: 'g' },
        { rel: 'bad.png', data: Buffer.from('garbage'), caption: 'b' },
      ],
      'tags',
    );
    expect(entries.map((e) => e.name)).toEqual(['good.png', 'good.txt']);
    expect(summary.skipped).toEqual([{ id: 2, name: 'bad.png', reason: 'not a readable image (unknown or damaged format)' }]);
  });

  it('refuses more than 1,000 images and writes nothing', async () => {
    const tiny = await png();
    const images = Array.from({ length: 1001 }, (_, i) => ({ rel: `${i}.png`, data: tiny, caption: 't' }));
    const root = join(work, 'too-many');
    const zip = join(work, 'too-many.zip');
    const sources = await writeDataset(root, images);
    const options = exportOptionsSchema.parse({ target: 'civitai', out: { kind: 'zip', path: zip } });
    await expect(runExport(pool, sources, 'tags', options)).rejects.toMatchObject({
      code: 'limit',
      message: expect.stringContaining('at most 1,000 images'),
    });
    expect((await readdir(work)).filter((n) => n.startsWith('too-many.zip'))).toEqual([]);

    // one marked to skip brings it to the limit: accepted
    sources[0]!.skip = true;
    const summary = await runExport(pool, sources, 'tags', options);
    expect(summary.written).toBe(1000);
    expect((await readZip(zip)).filter((e) => e.name.endsWith('.png'))).toHaveLength(1000);
  }, 120_000); // 1,000 real files on a small shared machine: a generous ceiling, not a timing check

  it('leaves out a file over 50 MB when its bytes would be copied', async () => {
    const { truncate } = await import('node:fs/promises');
    const root = join(work, 'big');
    const zip = join(work, 'big.zip');
    const sources = await writeDataset(root, [
      { rel: 'big.png', data: await png(), caption: 'big' },
      { rel: 'ok.png', data: await png(), caption: 'ok' },
    ]);
    await truncate(sources[0]!.absPath, 60_000_000); // sparse: costs no disk
    sources[0]!.bytes = 60_000_000;
    const options = exportOptionsSchema.parse({ target: 'civitai', out: { kind: 'zip', path: zip }, keepMetadata: true });
    const summary = await runExport(pool, sources, 'tags', options);
    expect(summary.skipped).toEqual([{ id: 1, name: 'big.png', reason: 'the file is 60.0 MB, over the 50.0 MB limit' }]);
    expect((await readZip(zip)).map((e) => e.name)).toEqual(['ok.png', 'ok.txt']);
  });
});
