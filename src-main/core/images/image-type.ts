/**
 * What an image file is, from its first bytes, never from its name: a file
 * called `.png` may hold a JPEG, a text file or anything else a symbolic link
 * points at. Only the formats the app lists (scan/image-extensions.ts) are
 * recognised; anything else is null.
 */
export type ImageType = 'jpeg' | 'png' | 'webp' | 'gif' | 'bmp' | 'tiff' | 'avif';

/** enough of a file's start for every check below (an AVIF's brand list included) */
export const IMAGE_TYPE_HEAD_BYTES = 64;

const ascii = (b: Uint8Array, at: number, text: string): boolean => {
  if (at + text.length > b.length) return false;
  for (let i = 0; i < text.length; i++) if (b[at + i] !== text.charCodeAt(i)) return false;
  return true;
};

export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** BITMAPCOREHEADER, the OS/2 v2 headers and BITMAPINFOHEADER to V5: two letters alone would take many a text file for a BMP */
const BMP_INFO_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);

export function imageTypeOf(b: Uint8Array): ImageType | null {
  if (b.length >= 8 && PNG_SIGNATURE.every((byte, i) => b[i] === byte)) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'gif';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'webp';
  if (ascii(b, 0, 'II*\0') || ascii(b, 0, 'MM\0*')) return 'tiff';
  if (ascii(b, 0, 'BM') && b.length >= 18 && BMP_INFO_SIZES.has(u32le(b, 14))) return 'bmp';
  if (isAvif(b)) return 'avif';
  return null;
}

const u32le = (b: Uint8Array, i: number): number => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
const u32be = (b: Uint8Array, i: number): number => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;

/** an ISO-BMFF `ftyp` box whose major or a compatible brand is AVIF's */
function isAvif(b: Uint8Array): boolean {
  if (b.length < 16 || !ascii(b, 4, 'ftyp')) return false;
  const end = Math.min(b.length, u32be(b, 0));
  const brand = (at: number) => ascii(b, at, 'avif') || ascii(b, at, 'avis');
  if (brand(8)) return true;
  // major brand (8), minor version (12), then compatible brands
  for (let at = 16; at + 4 <= end; at += 4) if (brand(at)) return true;
  return false;
}
