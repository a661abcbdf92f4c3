/**
 * BMP, which trainers read (kohya and ai-toolkit load images with PIL) and
 * sharp's libvips cannot: its header, and its pixels as raw RGB or RGBA that
 * sharp takes as input. Every uncompressed kind is read: 1, 4 and 8 bits
 * with a palette; 16 and 32 bits with the default layout or with bit masks;
 * 24 bits; bottom-up and top-down. RLE and embedded JPEG or PNG are refused
 * with that reason: Windows and image editors do not write them by default.
 */
export interface BmpHeader {
  width: number;
  height: number;
  /** 4 when a bit mask gives an alpha channel */
  channels: 3 | 4;
}

interface Layout extends BmpHeader {
  topDown: boolean;
  bitsPerPixel: number;
  dataOffset: number;
  stride: number;
  /** palette entries as [r, g, b], for 1, 4 and 8 bits */
  palette: Uint8Array | null;
  masks: { r: number; g: number; b: number; a: number } | null;
}

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;
const COMPRESSION_NAMES: Record<number, string> = { 1: 'RLE-compressed', 2: 'RLE-compressed', 4: 'JPEG-compressed', 5: 'PNG-compressed' };

export const isBmpBytes = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d;

/** What the header says, from the file's first bytes (64 KiB hold any header and palette); a string says why it cannot be read. */
export function readBmpHeader(bytes: Uint8Array): BmpHeader | string {
  const layout = readLayout(bytes);
  return typeof layout === 'string' ? layout : { width: layout.width, height: layout.height, channels: layout.channels };
}

/** The pixels, top row first, as sharp's raw input; throws an Error whose message says what is wrong. */
export function decodeBmp(bytes: Uint8Array, maxPixels: number | false): { data: Buffer; width: number; height: number; channels: 3 | 4 } {
  const layout = readLayout(bytes);
  if (typeof layout === 'string') throw new Error(layout);
  const { width, height, channels, stride, dataOffset } = layout;
  // sharp's own words, so the callers' messages for it apply
  if (maxPixels !== false && width * height > maxPixels) throw new Error('Input image exceeds pixel limit');
  if (dataOffset + stride * height > bytes.length) throw new Error('the file is truncated');
  const out = Buffer.alloc(width * height * channels);
  const pixel = pixelReader(bytes, layout);
  for (let y = 0; y < height; y++) {
    const row = dataOffset + stride * (layout.topDown ? y : height - 1 - y);
    for (let x = 0; x < width; x++) pixel(row, x, out, (y * width + x) * channels);
  }
  return { data: out, width, height, channels };
}

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
const i32 = (b: Uint8Array, i: number) => u32(b, i) | 0;

function readLayout(b: Uint8Array): Layout | string {
  if (!isBmpBytes(b) || b.length < 26) return 'not a BMP file';
  const dataOffset = u32(b, 10);
  const headerSize = u32(b, 14);
  const core = headerSize === 12; // OS/2 and Windows 2: 16-bit sizes, 3-byte palette entries
  if (!core && headerSize < 40) return `a BMP header of ${headerSize} bytes is not one of the known kinds`;
  if (b.length < 14 + (core ? 12 : 40)) return 'the file is truncated';
  const width = core ? u16(b, 18) : i32(b, 18);
  const rawHeight = core ? u16(b, 20) : i32(b, 22);
  const bitsPerPixel = core ? u16(b, 24) : u16(b, 28);
  const compression = core ? BI_RGB : u32(b, 30);
  const topDown = rawHeight < 0;
  const height = Math.abs(rawHeight);
  if (width <= 0 || height === 0) return 'no image size in the file header';
  if (compression !== BI_RGB && compression !== BI_BITFIELDS && compression !== BI_ALPHABITFIELDS) {
    return `this BMP is ${COMPRESSION_NAMES[compression] ?? `compressed (method ${compression})`}, which is not supported: save it as PNG`;
  }
  if (![1, 4, 8, 16, 24, 32].includes(bitsPerPixel)) return `a BMP of ${bitsPerPixel} bits per pixel is not supported`;
  const stride = Math.floor((bitsPerPixel * width + 31) / 32) * 4;

  let palette: Uint8Array | null = null;
  let masks: Layout['masks'] = null;
  if (bitsPerPixel <= 8) {
    if (compression !== BI_RGB) return 'a BMP with a palette and bit masks is not a valid file';
    const entrySize = core ? 3 : 4;
    const used = core ? 0 : u32(b, 46);
    const count = Math.min(used === 0 ? 1 << bitsPerPixel : used, 1 << bitsPerPixel);
    const start = 14 + headerSize;
    if (start + count * entrySize > b.length) return 'the file is truncated';
    palette = new Uint8Array(256 * 3); // indices past the palette read as black
    for (let k = 0; k < count; k++) {
      const e = start + k * entrySize;
      palette.set([b[e + 2]!, b[e + 1]!, b[e]!], k * 3);
    }
  } else if (bitsPerPixel === 16 || bitsPerPixel === 32) {
    if (compression === BI_RGB) {
      masks = bitsPerPixel === 16 ? { r: 0x7c00, g: 0x03e0, b: 0x001f, a: 0 } : { r: 0xff0000, g: 0xff00, b: 0xff, a: 0 };
    } else {
      // after a 40-byte header the masks follow it; longer headers hold them at the same place
      const withAlpha = compression === BI_ALPHABITFIELDS || headerSize >= 56;
      if (b.length < (withAlpha ? 70 : 66)) return 'the file is truncated';
      masks = { r: u32(b, 54), g: u32(b, 58), b: u32(b, 62), a: withAlpha ? u32(b, 66) : 0 };
      if (masks.r === 0 && masks.g === 0 && masks.b === 0) return 'a BMP whose colour masks are empty';
    }
  } else if (compression !== BI_RGB) return 'a 24-bit BMP with bit masks is not a valid file';

  const channels = masks && masks.a !== 0 ? 4 : 3;
  return { width, height, channels, topDown, bitsPerPixel, dataOffset, stride, palette, masks };
}

type PixelReader = (row: number, x: number, out: Buffer, at: number) => void;

function pixelReader(b: Uint8Array, layout: Layout): PixelReader {
  const { bitsPerPixel, palette, masks, channels } = layout;
  if (palette) {
    const perByte = 8 / bitsPerPixel;
    const mask = (1 << bitsPerPixel) - 1;
    return (row, x, out, at) => {
      const byte = b[row + Math.floor(x / perByte)]!;
      const index = (byte >> ((perByte - 1 - (x % perByte)) * bitsPerPixel)) & mask;
      out[at] = palette[index * 3]!;
      out[at + 1] = palette[index * 3 + 1]!;
      out[at + 2] = palette[index * 3 + 2]!;
    };
  }
  if (bitsPerPixel === 24) {
    return (row, x, out, at) => {
      const p = row + x * 3;
      out[at] = b[p + 2]!;
      out[at + 1] = b[p + 1]!;
      out[at + 2] = b[p]!;
    };
  }
  const [r, g, bl, a] = [channelOf(masks!.r), channelOf(masks!.g), channelOf(masks!.b), channelOf(masks!.a)];
  const read = bitsPerPixel === 16 ? (p: number) => u16(b, p) : (p: number) => u32(b, p);
  const bytesPerPixel = bitsPerPixel / 8;
  return (row, x, out, at) => {
    const v = read(row + x * bytesPerPixel);
    out[at] = r(v);
    out[at + 1] = g(v);
    out[at + 2] = bl(v);
    if (channels === 4) out[at + 3] = a(v);
  };
}

/** a mask's bits of a pixel, scaled to 0..255 */
function channelOf(mask: number): (v: number) => number {
  if (mask === 0) return () => 0;
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  let bits = 0;
  while (((mask >>> (shift + bits)) & 1) === 1 && shift + bits < 32) bits++;
  const max = 2 ** bits - 1;
  return (v) => Math.round(((((v & mask) >>> 0) >>> shift) * 255) / max);
}
