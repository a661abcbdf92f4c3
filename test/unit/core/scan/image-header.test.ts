import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../../../src-main/core/scan/image-header';

const noisy = (width: number, height: number, channels: 1 | 3 | 4) =>
  sharp(Buffer.from(Array.from({ length: width * height * channels }, (_, i) => (i * 37) % 251)), { raw: { width, height, channels } });

/** what sharp says, as the probe reads it */
async function sharpHeader(bytes: Buffer) {
  const m = await sharp(bytes).metadata();
  return { format: m.format, width: m.width, height: m.height, orientation: m.orientation ?? 1 };
}

describe('readImageHeader', () => {
  const plain: [string, () => Promise<Buffer>][] = [
    ['baseline JPEG', () => noisy(123, 45, 3).jpeg().toBuffer()],
    ['progressive JPEG', () => noisy(64, 200, 3).jpeg({ progressive: true }).toBuffer()],
    ['grey JPEG', () => noisy(31, 17, 1).jpeg().toBuffer()],
    ['CMYK JPEG', () => noisy(40, 30, 3).toColourspace('cmyk').jpeg().toBuffer()],
    ['JPEG with an ICC profile', () => noisy(50, 40, 3).withIccProfile('p3').jpeg().toBuffer()],
    ['RGB PNG', () => noisy(77, 33, 3).png().toBuffer()],
    ['RGBA PNG', () => noisy(20, 90, 4).png().toBuffer()],
    ['palette PNG', () => noisy(64, 64, 3).png({ palette: true }).toBuffer()],
    ['16-bit PNG', () => noisy(10, 12, 3).toColourspace('rgb16').png().toBuffer()],
  ];
  for (const [name, make] of plain) {
    it(`agrees with sharp on a ${name}`, async () => {
      const bytes = await make();
      const quick = readImageHeader(bytes);
      expect(quick).not.toBeNull();
      expect(quick).toEqual(await sharpHeader(bytes));
    });
  }

  it('reads every EXIF orientation, in both byte orders sharp writes', async () => {
    for (let orientation = 1; orientation <= 8; orientation++) {
      const bytes = await noisy(60, 20, 3).withMetadata({ orientation }).jpeg().toBuffer();
      expect(readImageHeader(bytes)).toEqual(await sharpHeader(bytes));
    }
  });

  it('answers from the header alone, as sharp does, when the data after it is cut off', async () => {
    const bytes = await noisy(300, 200, 3).jpeg().toBuffer();
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(readImageHeader(cut)).toEqual(await sharpHeader(cut));
  });

  it('leaves to sharp what it does not know for sure', async () => {
    const withExifPng = await noisy(30, 10, 3).withMetadata({ orientation: 6 }).png().toBuffer();
    const headerOnly = (await noisy(30, 10, 3).jpeg().toBuffer()).subarray(0, 20);
    const notAnImage = Buffer.from('this is text with a .jpg name');
    for (const bytes of [headerOnly, notAnImage]) expect(readImageHeader(bytes)).toBeNull();
    const png = readImageHeader(withExifPng);
    // sharp keeps an orientation in a PNG's eXIf chunk: either leave it to sharp or agree with it
    if (png !== null) expect(png).toEqual(await sharpHeader(withExifPng));
  });

  it('never throws on garbage after a JPEG or PNG signature', () => {
    for (let seed = 0; seed < 300; seed++) {
      const junk = Buffer.from(Array.from({ length: 40 + (seed % 200) }, (_, i) => (i * 131 + seed * 17) % 256));
      junk[0] = seed % 2 ? 0xff : 0x89;
      junk[1] = seed % 2 ? 0xd8 : 0x50;
      expect(() => readImageHeader(junk)).not.toThrow();
    }
  });
});
