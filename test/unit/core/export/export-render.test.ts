import { readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderTask } from '../../../../src-main/core/export/export-protocol';
import { renderImage } from '../../../../src-main/workers/export-render';
import {
  halfTransparentPng,
  jpegWithExif,
  pixelAt,
  pngChunkTypes,
  pngWithPrompt,
  rotatedJpeg,
  solid,
  tempDir,
} from '../../../fixtures/export/fixture-images';

/** 32×24 of varied colours: its entropy-coded data is more than a flat field */
function variedJpeg() {
  const data = Buffer.alloc(32 * 24 * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37 + (i >> 5) * 11) % 256;
  return sharp(data, { raw: { width: 32, height: 24, channels: 3 } }).jpeg({ quality: 90 });
}

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await tempDir('render');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function render(input: Buffer, name: string, over: Partial<RenderTask> = {}) {
  const inPath = join(dir, `${n}-${name}`);
  const outPath = join(dir, `${n++}-out-${name}`);
  await writeFile(inPath, input);
  const task: RenderTask = {
    input: inPath,
    output: outPath,
    format: 'png',
    quality: 95,
    keepMetadata: false,
    background: '#ffffff',
    maxSide: null,
    maxPixels: 0x3fff * 0x3fff,
    maxBytes: null,
    ...over,
  };
  const result = await renderImage(task);
  return { result, inPath, outPath };
}

describe('renderImage', () => {
  it('applies EXIF orientation to the pixels: sides swapped, the red corner moves top-right', async () => {
    const { result, outPath } = await render(await rotatedJpeg(), 'rot.jpg', { format: 'jpeg' });
    expect(result).toMatchObject({ ok: true, width: 20, height: 40 });
    const out = await readFile(outPath);
    const meta = await sharp(out).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([20, 40, 1]);
    const [r, g, b] = await pixelAt(out, 17, 2);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(60);
    expect(b).toBeLessThan(60);
    // and the stored top-left, now top-left shown, is white
    expect((await pixelAt(out, 2, 2)).every((v) => v > 200)).toBe(true);
  });

  it('flattens transparency onto the background colour', async () => {
    const { result, outPath } = await render(await halfTransparentPng(), 'alpha.png', { background: '#00ff00' });
    expect(result.ok).toBe(true);
    const out = await readFile(outPath);
    expect((await sharp(out).metadata()).hasAlpha).toBe(false);
    expect(await pixelAt(out, 1, 1)).toEqual([0, 255, 0]);
    expect(await pixelAt(out, 6, 6)).toEqual([0, 0, 255]);
  });

  it('strips PNG text chunks (generation prompts) without re-encoding', async () => {
    const input = await pngWithPrompt();
    expect(pngChunkTypes(input)).toEqual(expect.arrayContaining(['tEXt', 'iTXt']));
    const { result, outPath } = await render(input, 'prompt.png');
    expect(result).toMatchObject({ ok: true, copied: true });
    const out = await readFile(outPath);
    const types = pngChunkTypes(out);
    expect(types).not.toContain('tEXt');
    expect(types).not.toContain('iTXt');
    expect(types).not.toContain('zTXt');
    expect(out.includes('secret')).toBe(false);
    expect(await pixelAt(out, 8, 8)).toEqual([10, 200, 30]);
  });

  it('strips EXIF and ICC from a JPEG', async () => {
    const { outPath } = await render(await jpegWithExif(), 'exif.jpg', { format: 'jpeg' });
    const out = await readFile(outPath);
    const meta = await sharp(out).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(out.includes('SecretCam')).toBe(false);
  });

  it('writes a JPEG that needs no change byte for byte: never re-encoded', async () => {
    const input = await variedJpeg().toBuffer();
    const { result, outPath } = await render(input, 'plain.jpg', { format: 'jpeg', quality: 50 });
    expect(result).toMatchObject({ ok: true, copied: true, bytes: input.length });
    expect((await readFile(outPath)).equals(input)).toBe(true);
  });

  it('strips EXIF from a JPEG without re-encoding: same pixels, same entropy-coded data', async () => {
    const input = await variedJpeg().withExif({ IFD0: { Make: 'SecretCam' } }).withIccProfile('srgb').toBuffer();
    const { result, outPath } = await render(input, 'exif-srgb.jpg', { format: 'jpeg', quality: 50 });
    expect(result).toMatchObject({ ok: true, copied: true });
    const out = await readFile(outPath);
    const meta = await sharp(out).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(out.includes('SecretCam')).toBe(false);
    const scan = (b: Buffer) => b.subarray(b.indexOf(Buffer.from([0xff, 0xda])));
    expect(scan(out).equals(scan(input))).toBe(true);
    expect((await sharp(out).raw().toBuffer()).equals(await sharp(input).raw().toBuffer())).toBe(true);
  });

  it('writes a webp without metadata byte for byte', async () => {
    const input = await solid(12, 10, [30, 60, 90]).webp({ lossless: true }).toBuffer();
    const { result, outPath } = await render(input, 'plain.webp', { format: 'webp', quality: 50 });
    expect(result).toMatchObject({ ok: true, copied: true });
    expect((await readFile(outPath)).equals(input)).toBe(true);
  });

  it('re-encodes a resized JPEG at the quality chosen', async () => {
    const input = await variedJpeg().toBuffer();
    for (const [quality, firstQuant] of [[50, 16], [95, 2]] as const) {
      const { result, outPath } = await render(input, `small-${quality}.jpg`, { format: 'jpeg', quality, maxSide: 16 });
      expect(result).toMatchObject({ ok: true, copied: false, width: 16 });
      const out = await readFile(outPath);
      // libjpeg scales its base luminance table (DC: 16) by the quality: 16 at 50, 2 at 95
      expect(out[out.indexOf(Buffer.from([0xff, 0xdb])) + 5]).toBe(firstQuant);
    }
  });

  it('copies the original bytes when metadata is kept and nothing else changes', async () => {
    const { result, inPath, outPath } = await render(await jpegWithExif(), 'keep.jpg', { format: 'jpeg', keepMetadata: true });
    expect(result).toMatchObject({ ok: true, copied: true });
    expect((await readFile(outPath)).equals(await readFile(inPath))).toBe(true);
  });

  it('keeps metadata through a conversion when asked', async () => {
    const { result, outPath } = await render(await jpegWithExif(), 'keep.png', { format: 'png', keepMetadata: true });
    expect(result).toMatchObject({ ok: true, copied: false, converted: true });
    expect((await sharp(await readFile(outPath)).metadata()).exif).toBeDefined();
  });

  it('fits inside the longest side without enlarging', async () => {
    const big = await render(await solid(300, 150, [1, 2, 3]).png().toBuffer(), 'big.png', { maxSide: 100 });
    expect(big.result).toMatchObject({ ok: true, width: 100, height: 50 });
    const small = await render(await solid(50, 20, [1, 2, 3]).png().toBuffer(), 'small.png', { maxSide: 100 });
    expect(small.result).toMatchObject({ ok: true, width: 50, height: 20 });
    expect((await sharp(await readFile(small.outPath)).metadata()).width).toBe(50);
  });

  it('converts gif and tiff to the chosen format', async () => {
    const gif = await render(await solid(8, 8, [255, 0, 0]).gif().toBuffer(), 'a.gif', { format: 'png' });
    expect(gif.result).toMatchObject({ ok: true, converted: true });
    expect((await sharp(await readFile(gif.outPath)).metadata()).format).toBe('png');
    const tiff = await render(await solid(8, 8, [0, 0, 255]).tiff().toBuffer(), 'a.tif', { format: 'webp' });
    expect((await sharp(await readFile(tiff.outPath)).metadata()).format).toBe('webp');
  });

  it('refuses an image over the pixel limit with a clear reason, writing nothing', async () => {
    const { result, outPath } = await render(await solid(100, 100, [0, 0, 0]).png().toBuffer(), 'huge.png', { maxPixels: 5000 });
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/^too large: 100×100 is over the .*megapixel limit$/) });
    await expect(readFile(outPath)).rejects.toThrow();
  });

  it('refuses a damaged file with a clear reason', async () => {
    const { result } = await render(Buffer.from('not an image at all'), 'broken.png');
    expect(result).toEqual({ ok: false, reason: 'not a readable image (unknown or damaged format)' });
  });

  it('exports a BMP, which sharp cannot read, as a PNG of the same pixels', async () => {
    // a valid 1×1 24-bit BMP holding one red pixel: libvips, inside sharp, has no BMP decoder
    const bmp = Buffer.from('424d3a0000000000000036000000280000000100000001000000010018000000000004000000130b0000130b000000000000000000000000ff00', 'hex');
    const { result, outPath } = await render(bmp, 'a.bmp');
    expect(result).toMatchObject({ ok: true, width: 1, height: 1, converted: true });
    const out = await readFile(outPath);
    expect((await sharp(out).metadata()).format).toBe('png');
    expect(await pixelAt(out, 0, 0)).toEqual([255, 0, 0]);
  });

  it('refuses to copy a file over the byte limit, but stripping may bring it under', async () => {
    // a small PNG followed by 60 MB of sparse zeros: readers stop at IEND
    const png = await solid(8, 8, [9, 9, 9]).png().toBuffer();
    const inPath = join(dir, 'padded.png');
    await writeFile(inPath, png);
    await truncate(inPath, 60_000_000);
    const base = { input: inPath, format: 'png', quality: 95, background: '#ffffff', maxSide: null, maxPixels: 1e8, maxBytes: 50_000_000 } as const;
    const copied = await renderImage({ ...base, output: join(dir, 'padded-keep.png'), keepMetadata: true });
    expect(copied).toEqual({ ok: false, reason: 'the file is 60.0 MB, over the 50.0 MB limit' });
    const stripped = await renderImage({ ...base, output: join(dir, 'padded-strip.png'), keepMetadata: false });
    expect(stripped).toMatchObject({ ok: true, bytes: png.length });
  });
});
