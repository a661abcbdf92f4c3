import { crc32, deflateSync } from 'node:zlib';

/**
 * Image files no encoder writes on purpose, made byte by byte from a real
 * one: headers that lie about the size (decompression bombs), BMP kinds
 * sharp cannot write, a HEIC brand box. Each function says what it breaks.
 */

/** a PNG whose IHDR claims width × height, its CRC made right so only the size lies */
export function pngClaiming(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/**
 * A real decompression bomb: a valid 1-bit grey PNG of side × side pixels,
 * every one black, which deflates to about a thousandth of its pixels.
 */
export function pngBomb(side: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grey
  const rows = Buffer.alloc((1 + Math.ceil(side / 8)) * side); // filter byte 0, then zero bits
  const idat = deflateSync(rows, { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

/** a JPEG whose frame header (SOF) claims width × height; the scan data stays a small image's */
export function jpegClaiming(jpeg: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i + 9 < out.length; ) {
    if (out[i] !== 0xff) throw new Error('not a JPEG marker');
    const marker = out[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc3) {
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
    i += 2 + out.readUInt16BE(i + 2);
  }
  throw new Error('no frame header');
}

/** a WebP with an extended header (VP8X) whose canvas claims width × height in front of a small image's frame */
export function webpClaiming(webp: Buffer, width: number, height: number): Buffer {
  const frame = webp.subarray(12); // the chunks after RIFF size WEBP
  const vp8x = Buffer.alloc(18);
  vp8x.write('VP8X', 0, 'latin1');
  vp8x.writeUInt32LE(10, 4);
  vp8x.writeUIntLE(width - 1, 12, 3);
  vp8x.writeUIntLE(height - 1, 15, 3);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), vp8x, frame]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

/** a GIF whose logical screen claims width × height */
export function gifClaiming(gif: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(gif);
  out.writeUInt16LE(width, 6);
  out.writeUInt16LE(height, 8);
  return out;
}

export interface BmpShape {
  width: number;
  height: number;
  bitsPerPixel: 1 | 4 | 8 | 16 | 24 | 32;
  topDown?: boolean;
  /** 0 none, 1 RLE8, 3 bit fields */
  compression?: number;
  /** the OS/2 12-byte header with 16-bit sizes */
  core?: boolean;
  /** write the header only: no palette or pixels after it */
  headerOnly?: boolean;
}

/** a BMP of any kind the format allows; pixels are a pattern, which every uncompressed kind reads */
export function bmpFile(shape: BmpShape): Buffer {
  const { width, height, bitsPerPixel, topDown = false, compression = 0, core = false } = shape;
  const headerSize = core ? 12 : 40;
  const paletteCount = bitsPerPixel <= 8 ? 1 << bitsPerPixel : 0;
  const masks = compression === 3 ? 12 : 0;
  const paletteBytes = paletteCount * (core ? 3 : 4);
  const dataOffset = 14 + headerSize + masks + paletteBytes;
  const stride = Math.floor((bitsPerPixel * Math.abs(width) + 31) / 32) * 4;
  const dataBytes = shape.headerOnly ? 0 : stride * Math.abs(height);
  const out = Buffer.alloc(shape.headerOnly ? dataOffset : dataOffset + dataBytes);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(dataOffset, 10);
  out.writeUInt32LE(headerSize, 14);
  if (core) {
    out.writeUInt16LE(width, 18);
    out.writeUInt16LE(height, 20);
    out.writeUInt16LE(1, 22);
    out.writeUInt16LE(bitsPerPixel, 24);
  } else {
    out.writeInt32LE(width, 18);
    out.writeInt32LE(topDown ? -height : height, 22);
    out.writeUInt16LE(1, 26);
    out.writeUInt16LE(bitsPerPixel, 28);
    out.writeUInt32LE(compression, 30);
    out.writeUInt32LE(dataBytes, 34);
    if (compression === 3) {
      // RGB 565
      out.writeUInt32LE(0xf800, 54);
      out.writeUInt32LE(0x07e0, 58);
      out.writeUInt32LE(0x001f, 62);
    }
  }
  if (shape.headerOnly) return out.subarray(0, Math.min(out.length, 14 + headerSize));
  const paletteStart = 14 + headerSize + masks;
  for (let k = 0; k < paletteCount; k++) {
    const e = paletteStart + k * (core ? 3 : 4);
    out[e] = (k * 37) & 0xff;
    out[e + 1] = (k * 91) & 0xff;
    out[e + 2] = (k * 151) & 0xff;
  }
  for (let i = dataOffset; i < out.length; i++) out[i] = (i * 7) & 0xff;
  return out;
}

/** a HEIC file's brand box (ftyp, major brand heic) and a meta box too short to hold an image */
export function heicBrandOnly(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  const meta = Buffer.alloc(12);
  meta.writeUInt32BE(12, 0);
  meta.write('meta', 4, 'latin1');
  return Buffer.concat([ftyp, meta]);
}

/** an AVIF's brand box rewritten to say HEIC: what an iPhone's photo would say, in front of AV1 data */
export function heicBranded(avif: Buffer): Buffer {
  const out = Buffer.from(avif);
  out.write('heic', 8, 'latin1');
  return out;
}
