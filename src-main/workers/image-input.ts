import sharp, { type Sharp, type SharpOptions } from 'sharp';
import { readHeadSync, readRegularFileSync } from '../core/fs/regular-file';
import { decodeBmp, isBmpBytes, readBmpHeader } from './bmp-decode';

/**
 * sharp for an image the app lists, named by path or given as its bytes.
 * sharp reads every listed format but BMP (its libvips has no BMP loader):
 * a BMP is decoded here into raw pixels first. A path is read through
 * readRegularFileSync, so a folder or a named pipe under an image's name is
 * refused, never waited on.
 */
export function imageSharp(input: string | Buffer, options: SharpOptions = {}): Sharp {
  const bytes = typeof input === 'string' ? (isBmpName(input) ? readRegularFileSync(input).bytes : null) : input;
  if (bytes && isBmpBytes(bytes)) {
    const { data, width, height, channels } = decodeBmp(bytes, pixelLimit(options.limitInputPixels));
    return sharp(data, { raw: { width, height, channels } });
  }
  return sharp(bytes ?? input, options);
}

/** What the callers of sharp's metadata() use; for a BMP, from its header alone (no pixel is decoded). */
export interface ImageInfo {
  width: number | undefined;
  height: number | undefined;
  format: string | undefined;
  orientation: number | undefined;
  hasAlpha: boolean;
  /** libvips' interpretation: 'srgb', 'b-w', 'cmyk', ... */
  space: string | undefined;
  /** the embedded ICC profile, if any */
  icc: Buffer | undefined;
  /** EXIF, XMP or IPTC is embedded */
  tagged: boolean;
}

export async function imageInfo(path: string, options: SharpOptions = {}): Promise<ImageInfo> {
  if (isBmpName(path)) {
    const { head } = readHeadSync(path, Buffer.allocUnsafe(HEADER_BYTES));
    if (isBmpBytes(head)) {
      const header = readBmpHeader(head);
      if (typeof header === 'string') throw new Error(header);
      return { width: header.width, height: header.height, format: 'bmp', orientation: 1, hasAlpha: header.channels === 4, space: 'srgb', icc: undefined, tagged: false };
    }
  }
  const meta = await sharp(path, options).metadata();
  const { width, height, format, orientation, hasAlpha, space, icc } = meta;
  return { width, height, format, orientation, hasAlpha, space, icc, tagged: Boolean(meta.exif ?? meta.xmp ?? meta.iptc) };
}

/** a BMP's header and palette fit in this */
const HEADER_BYTES = 64 * 1024;

/** sharp's limitInputPixels, as sharp reads it: true or unset is its default, 0 or false none */
function pixelLimit(option: number | boolean | undefined): number | false {
  if (option === undefined || option === true) return 0x3fff * 0x3fff;
  return option === false || option === 0 ? false : option;
}

const isBmpName = (path: string): boolean => path.toLowerCase().endsWith('.bmp');
