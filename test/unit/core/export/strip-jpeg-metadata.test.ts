import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stripJpegMetadata } from '../../../../src-main/core/export/strip-jpeg-metadata';

/** 32×24 of varied colours, so the entropy-coded data is more than a flat field */
function picture() {
  const data = Buffer.alloc(32 * 24 * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37 + (i >> 5) * 11) % 256;
  return sharp(data, { raw: { width: 32, height: 24, channels: 3 } });
}

/** every marker before the start of scan, as 0xE1 for APP1 */
function markers(jpeg: Buffer): number[] {
  const found: number[] = [];
  for (let at = 2; at + 4 <= jpeg.length; ) {
    const marker = jpeg[at + 1]!;
    found.push(marker);
    if (marker === 0xda) break;
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return found;
}

const scan = (jpeg: Buffer) => jpeg.subarray(jpeg.indexOf(Buffer.from([0xff, 0xda])));
const pixels = (jpeg: Buffer) => sharp(jpeg).raw().toBuffer();
const comment = (jpeg: Buffer, text: string) => {
  const body = Buffer.from(text, 'latin1');
  const head = Buffer.from([0xff, 0xfe, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), head, body, jpeg.subarray(2)]);
};

describe('stripJpegMetadata', () => {
  it('gives a JPEG without metadata back byte for byte', async () => {
    const plain = await picture().jpeg({ quality: 90 }).toBuffer();
    expect(markers(plain)).not.toContain(0xe1);
    expect(stripJpegMetadata(plain, { dropIcc: true })!.equals(plain)).toBe(true);
  });

  it('drops EXIF, XMP and comments, keeping the other segments, the entropy-coded data and the pixels', async () => {
    const tagged = comment(
      await picture()
        .jpeg({ quality: 90 })
        .withExif({ IFD0: { Make: 'SecretCam', Copyright: 'someone' } })
        .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><secret/></x:xmpmeta>')
        .toBuffer(),
      'a secret comment',
    );
    expect(markers(tagged)).toEqual(expect.arrayContaining([0xe1, 0xfe]));
    const out = stripJpegMetadata(tagged, { dropIcc: true })!;
    // tables and frame header kept, in order; only the metadata segments gone
    expect(markers(out)).toEqual(markers(tagged).filter((m) => m !== 0xe1 && m !== 0xfe));
    expect(out.includes('SecretCam')).toBe(false);
    expect(out.includes('secret')).toBe(false);
    expect(scan(out).equals(scan(tagged))).toBe(true);
    expect((await pixels(out)).equals(await pixels(tagged))).toBe(true);
  });

  it('drops an ICC profile only when asked', async () => {
    const withIcc = await picture().jpeg().withIccProfile('srgb').toBuffer();
    expect((await sharp(stripJpegMetadata(withIcc, { dropIcc: false })!).metadata()).icc).toBeDefined();
    const dropped = stripJpegMetadata(withIcc, { dropIcc: true })!;
    expect((await sharp(dropped).metadata()).icc).toBeUndefined();
    expect((await pixels(dropped)).equals(await pixels(withIcc))).toBe(true);
  });

  it('answers null for what it cannot walk, so the caller re-encodes', async () => {
    const good = await picture().jpeg().toBuffer();
    expect(stripJpegMetadata(Buffer.from('not a jpeg'), { dropIcc: true })).toBeNull();
    // cut inside the headers, before the scan
    expect(stripJpegMetadata(good.subarray(0, 30), { dropIcc: true })).toBeNull();
  });
});
