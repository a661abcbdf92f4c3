import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stripPngMetadata } from '../../../../src-main/core/export/strip-png-metadata';
import { pngChunkTypes, pngWithPrompt, solid } from '../../../fixtures/export/fixture-images';

const chunksOf = (png: Buffer, type: string): Buffer[] => {
  const found: Buffer[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const end = at + 12 + png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === type) found.push(png.subarray(at, end));
    at = end;
  }
  return found;
};

describe('stripPngMetadata', () => {
  it('gives a PNG without metadata back byte for byte', async () => {
    const plain = await solid(8, 8, [1, 2, 3]).png().toBuffer();
    expect(stripPngMetadata(plain, { dropIcc: true })!.equals(plain)).toBe(true);
  });

  it('drops generation prompts (tEXt, iTXt) and EXIF, keeping the image data chunk for chunk', async () => {
    const prompt = await pngWithPrompt();
    const withExif = await sharp(prompt).png().withExif({ IFD0: { Make: 'SecretCam' } }).toBuffer();
    for (const input of [prompt, withExif]) {
      const out = stripPngMetadata(input, { dropIcc: true })!;
      const types = pngChunkTypes(out);
      for (const gone of ['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']) expect(types).not.toContain(gone);
      expect(types[0]).toBe('IHDR');
      expect(types.at(-1)).toBe('IEND');
      expect(out.includes('secret')).toBe(false);
      expect(out.includes('SecretCam')).toBe(false);
      expect(Buffer.concat(chunksOf(out, 'IDAT')).equals(Buffer.concat(chunksOf(input, 'IDAT')))).toBe(true);
      expect((await sharp(out).raw().toBuffer()).equals(await sharp(input).raw().toBuffer())).toBe(true);
    }
  });

  it('answers null for what it cannot walk, so the caller re-encodes', async () => {
    const good = await solid(8, 8, [1, 2, 3]).png().toBuffer();
    expect(stripPngMetadata(Buffer.from('not a png'), { dropIcc: true })).toBeNull();
    expect(stripPngMetadata(good.subarray(0, good.length - 6), { dropIcc: true })).toBeNull();
  });
});
