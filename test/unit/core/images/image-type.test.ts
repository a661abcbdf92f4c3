import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageTypeOf, IMAGE_TYPE_HEAD_BYTES } from '../../../../src-main/core/images/image-type';
import { makeImage } from '../../../support/make-images';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const head = (path: string) => readFileSync(path).subarray(0, IMAGE_TYPE_HEAD_BYTES);

/** a 2×1 24-bit BMP with a BITMAPINFOHEADER, as Windows Paint writes it */
function bmp(): Buffer {
  const b = Buffer.alloc(62);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(62, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(2, 18);
  b.writeInt32LE(1, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  return b;
}

describe('imageTypeOf', () => {
  it.each(['jpeg', 'png', 'webp', 'gif', 'tiff', 'avif'] as const)('knows a %s by its bytes, whatever its name', async (type) => {
    const path = join(tmp.path, `x.${type}`);
    await makeImage(path);
    expect(imageTypeOf(head(path))).toBe(type);
  });

  it('knows a BMP by its signature and header size', () => {
    expect(imageTypeOf(bmp())).toBe('bmp');
  });

  it.each([
    ['a text file', Buffer.from('root:x:0:0:root:/root:/bin/bash\n')],
    ['a text that starts like a BMP', Buffer.from('BMW owners club: meeting notes for the spring')],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['a RIFF that is not WebP', Buffer.from('RIFF\x24\0\0\0WAVEfmt ')],
    ['an MP4', Buffer.from('\0\0\0\x18ftypmp42\0\0\0\0mp42isom')],
    ['nothing', Buffer.alloc(0)],
  ])('is null for %s', (_name, bytes) => {
    expect(imageTypeOf(bytes)).toBeNull();
  });
});
