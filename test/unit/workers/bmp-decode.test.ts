import { describe, expect, it } from 'vitest';
import { decodeBmp, readBmpHeader } from '../../../src-main/workers/bmp-decode';
import { bmp24 } from '../../support/make-images';

interface BmpSpec {
  width: number;
  height: number;
  bitsPerPixel: number;
  /** the value stored for each pixel: a palette index, or a packed 16/32-bit word */
  value: (x: number, y: number) => number;
  topDown?: boolean;
  compression?: number;
  headerSize?: number;
  /** r, g, b, a masks, written after a 40-byte header or inside a longer one */
  masks?: [number, number, number, number];
  palette?: [number, number, number][];
}

/** a BMP laid out by hand, field by field as the format describes it */
function bmp(spec: BmpSpec): Buffer {
  const { width, height, bitsPerPixel, headerSize = 40 } = spec;
  const masksAfter = headerSize === 40 && spec.masks ? (spec.compression === 6 ? 16 : 12) : 0;
  const paletteBytes = (spec.palette?.length ?? 0) * 4;
  const offset = 14 + headerSize + masksAfter + paletteBytes;
  const stride = Math.floor((bitsPerPixel * width + 31) / 32) * 4;
  const b = Buffer.alloc(offset + stride * height);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(offset, 10);
  b.writeUInt32LE(headerSize, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(spec.topDown ? -height : height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(bitsPerPixel, 28);
  b.writeUInt32LE(spec.compression ?? 0, 30);
  b.writeUInt32LE(spec.palette?.length ?? 0, 46);
  spec.masks?.forEach((m, k) => {
    if (k < 3 || spec.compression === 6 || headerSize >= 56) b.writeUInt32LE(m >>> 0, 54 + k * 4);
  });
  spec.palette?.forEach(([r, g, bl], k) => b.set([bl, g, r, 0], 14 + headerSize + masksAfter + k * 4));
  for (let y = 0; y < height; y++) {
    const row = offset + stride * (spec.topDown ? y : height - 1 - y);
    for (let x = 0; x < width; x++) {
      const v = spec.value(x, y);
      if (bitsPerPixel === 16) b.writeUInt16LE(v, row + x * 2);
      else if (bitsPerPixel === 32) b.writeUInt32LE(v >>> 0, row + x * 4);
      else {
        const perByte = 8 / bitsPerPixel;
        const shift = (perByte - 1 - (x % perByte)) * bitsPerPixel;
        b[row + Math.floor(x / perByte)]! |= v << shift;
      }
    }
  }
  return b;
}

/** the decoded pixel at (x, y) */
function at(decoded: ReturnType<typeof decodeBmp>, x: number, y: number): number[] {
  const i = (y * decoded.width + x) * decoded.channels;
  return [...decoded.data.subarray(i, i + decoded.channels)];
}

describe('decodeBmp', () => {
  it('reads a 24-bit bottom-up BMP, as Windows Paint writes it, top row first', () => {
    // 3 × 2: a row of 9 bytes is padded to 12
    const rgb = Uint8Array.from([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const decoded = decodeBmp(bmp24(rgb, 3, 2), false);
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([3, 2, 3]);
    expect([...decoded.data]).toEqual([...rgb]);
  });

  it('reads 32-bit pixels with bit masks and an alpha channel, top-down', () => {
    const file = bmp({
      width: 2,
      height: 2,
      bitsPerPixel: 32,
      topDown: true,
      compression: 3,
      headerSize: 108, // BITMAPV4HEADER: the masks, alpha included, inside the header
      masks: [0xff000000, 0x00ff0000, 0x0000ff00, 0x000000ff],
      value: (x, y) => ((x === 0 && y === 0 ? 0xff102030 : 0x00000080) | 0) >>> 0,
    });
    expect(readBmpHeader(file)).toEqual({ width: 2, height: 2, channels: 4 });
    const decoded = decodeBmp(file, false);
    expect(at(decoded, 0, 0)).toEqual([0xff, 0x10, 0x20, 0x30]);
    expect(at(decoded, 1, 1)).toEqual([0, 0, 0, 0x80]);
  });

  it('reads 32-bit BI_RGB as blue, green, red and an unused byte: no alpha', () => {
    const decoded = decodeBmp(bmp({ width: 1, height: 1, bitsPerPixel: 32, value: () => 0x00112233 }), false);
    expect(decoded.channels).toBe(3);
    expect(at(decoded, 0, 0)).toEqual([0x11, 0x22, 0x33]);
  });

  it('scales 16-bit 5-5-5 and 5-6-5 channels to 0..255', () => {
    const x555 = decodeBmp(bmp({ width: 1, height: 1, bitsPerPixel: 16, value: () => (31 << 10) | (0 << 5) | 16 }), false);
    expect(at(x555, 0, 0)).toEqual([255, 0, 132]);
    const x565 = bmp({ width: 1, height: 1, bitsPerPixel: 16, compression: 3, masks: [0xf800, 0x07e0, 0x001f, 0], value: () => (0 << 11) | (63 << 5) | 31 });
    expect(at(decodeBmp(x565, false), 0, 0)).toEqual([0, 255, 255]);
  });

  it('looks 8-bit and 1-bit pixels up in the palette, rows padded to four bytes', () => {
    const eight = bmp({
      width: 3,
      height: 1,
      bitsPerPixel: 8,
      palette: [
        [0, 0, 0],
        [200, 100, 50],
      ],
      value: (x) => (x === 1 ? 1 : 0),
    });
    expect([...decodeBmp(eight, false).data]).toEqual([0, 0, 0, 200, 100, 50, 0, 0, 0]);
    const one = bmp({
      width: 10,
      height: 2,
      bitsPerPixel: 1,
      palette: [
        [0, 0, 0],
        [255, 255, 255],
      ],
      value: (x, y) => (x === 9 && y === 1 ? 1 : 0),
    });
    const decoded = decodeBmp(one, false);
    expect(at(decoded, 9, 1)).toEqual([255, 255, 255]);
    expect(at(decoded, 8, 1)).toEqual([0, 0, 0]);
    expect(at(decoded, 9, 0)).toEqual([0, 0, 0]);
  });

  it('says why it cannot read RLE, a truncated file or one over the pixel limit', () => {
    const rle = bmp({ width: 2, height: 2, bitsPerPixel: 8, compression: 1, palette: [[0, 0, 0]], value: () => 0 });
    expect(readBmpHeader(rle)).toBe('this BMP is RLE-compressed, which is not supported: save it as PNG');
    expect(() => decodeBmp(rle, false)).toThrow(/RLE-compressed/);
    const whole = bmp24(new Uint8Array(4 * 4 * 3), 4, 4);
    expect(readBmpHeader(whole.subarray(0, 60))).toEqual({ width: 4, height: 4, channels: 3 });
    expect(() => decodeBmp(whole.subarray(0, 60), false)).toThrow('the file is truncated');
    expect(() => decodeBmp(whole, 15)).toThrow(/pixel limit/);
    expect(readBmpHeader(Buffer.from('BMnot much'))).toBe('not a BMP file');
  });
});
