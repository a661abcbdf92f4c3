import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareImage } from '../../../../src-main/core/captioner/prepare-image';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const colour = { r: 200, g: 40, b: 40 };
const meta = async (bytes: Buffer) => {
  const m = await sharp(bytes).metadata();
  return { format: m.format, width: m.width, height: m.height, orientation: m.orientation ?? 1 };
};

describe('the image as sent to a model', () => {
  it('a JPEG already small and upright goes as its own bytes', async () => {
    const path = join(tmp.path, 'small.jpg');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: colour } }).jpeg({ quality: 70 }).toFile(path);
    expect((await prepareImage(path, 1024)).equals(readFileSync(path))).toBe(true);
  });

  it('a larger one is downscaled to the longest side; a PNG with transparency becomes a JPEG on white', async () => {
    const big = join(tmp.path, 'big.jpg');
    await sharp({ create: { width: 2000, height: 1000, channels: 3, background: colour } }).jpeg().toFile(big);
    expect(await meta(await prepareImage(big, 1024))).toEqual({ format: 'jpeg', width: 1024, height: 512, orientation: 1 });

    const png = join(tmp.path, 'clear.png');
    await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toFile(png);
    const sent = await prepareImage(png, 1024);
    expect(await meta(sent)).toEqual({ format: 'jpeg', width: 40, height: 30, orientation: 1 });
    const { channels } = await sharp(sent).stats();
    expect(channels[0]!.mean).toBeGreaterThan(250);
  });

  it('a JPEG turned by its EXIF orientation is sent upright', async () => {
    const path = join(tmp.path, 'turned.jpg');
    await sharp({ create: { width: 300, height: 100, channels: 3, background: colour } }).withMetadata({ orientation: 6 }).jpeg().toFile(path);
    expect(await meta(await prepareImage(path, 1024))).toEqual({ format: 'jpeg', width: 100, height: 300, orientation: 1 });
  });

  it('a file that is not an image says so', async () => {
    const path = join(tmp.path, 'broken.jpg');
    writeFileSync(path, 'GIF89a but not really');
    await expect(prepareImage(path, 1024)).rejects.toThrow(/^The image cannot be read: /);
  });
});
