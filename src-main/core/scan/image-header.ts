import { PNG_SIGNATURE } from '../images/image-type';

/**
 * Width, height and orientation of a JPEG or PNG from the first bytes of the
 * file, without libvips: the scan checks every image of a folder, and
 * sharp's metadata() per file was most of an import. Only the plain cases are answered here; anything unusual (a
 * lossless or 12-bit JPEG, a PNG with EXIF, a header past the bytes read)
 * gives null, and the caller asks sharp, so the verdicts stay sharp's.
 */
export interface ImageHeader {
  format: 'jpeg' | 'png';
  width: number;
  height: number;
  /** EXIF orientation, 1..8 */
  orientation: number;
}

export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegHeader(bytes);
  if (bytes.length >= 33 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngHeader(bytes);
  return null;
}

const u16 = (b: Uint8Array, i: number, little = false) => (little ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!);
const u32 = (b: Uint8Array, i: number, little = false) =>
  little ? (u16(b, i, true) | (u16(b, i + 2, true) << 16)) >>> 0 : ((u16(b, i) << 16) | u16(b, i + 2)) >>> 0;

/** baseline, extended and progressive Huffman JPEG: what every libjpeg decodes */
const PLAIN_SOF = new Set([0xc0, 0xc1, 0xc2]);
const OTHER_SOF = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegHeader(b: Uint8Array): ImageHeader | null {
  let orientation = 1;
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2; // markers without a length
      continue;
    }
    const length = u16(b, i + 2);
    if (length < 2) return null;
    if (marker === 0xe1 && orientation === 1) orientation = exifOrientation(b, i + 4, Math.min(b.length, i + 2 + length)) ?? 1;
    if (PLAIN_SOF.has(marker)) {
      if (i + 10 > b.length) return null;
      const precision = b[i + 4]!;
      const height = u16(b, i + 5);
      const width = u16(b, i + 7);
      const components = b[i + 9]!;
      if (precision !== 8 || width === 0 || height === 0 || ![1, 3, 4].includes(components)) return null;
      return { format: 'jpeg', width, height, orientation };
    }
    if (OTHER_SOF.has(marker) || marker === 0xda || marker === 0xd9) return null; // unusual coding, or no frame header before the data
    i += 2 + length;
  }
  return null;
}

/** the Orientation tag of IFD0 in an APP1 Exif segment spanning [start, end); null when there is none or it is odd */
function exifOrientation(b: Uint8Array, start: number, end: number): number | null {
  if (end - start < 14) return null;
  const exif = [0x45, 0x78, 0x69, 0x66, 0, 0];
  if (!exif.every((c, k) => b[start + k] === c)) return null;
  const tiff = start + 6;
  const little = b[tiff] === 0x49 && b[tiff + 1] === 0x49;
  if (!little && !(b[tiff] === 0x4d && b[tiff + 1] === 0x4d)) return null;
  const ifd = tiff + u32(b, tiff + 4, little);
  if (ifd + 2 > end) return null;
  const count = u16(b, ifd, little);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > end) return null;
    if (u16(b, entry, little) === 0x0112) {
      const value = u16(b, entry + 8, little);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

function pngHeader(b: Uint8Array): ImageHeader | null {
  // IHDR first, as the format requires
  if (u32(b, 8) !== 13 || String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return null;
  const width = u32(b, 16);
  const height = u32(b, 20);
  if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff) return null;
  // an eXIf chunk may rotate the image: leave those to sharp. Look up to the first IDAT.
  let i = 33;
  while (i + 8 <= b.length) {
    const type = String.fromCharCode(b[i + 4]!, b[i + 5]!, b[i + 6]!, b[i + 7]!);
    if (type === 'IDAT') return { format: 'png', width, height, orientation: 1 };
    if (type === 'eXIf' || type === 'IEND') return null;
    i += 12 + u32(b, i);
  }
  return null;
}
