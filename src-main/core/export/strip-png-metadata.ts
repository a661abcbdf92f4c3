/**
 * A PNG without its text and EXIF, made by dropping whole chunks: the image
 * data is never decoded or recompressed, and every kept chunk keeps its own
 * CRC. Dropped: tEXt, zTXt, iTXt (A1111's `parameters`, ComfyUI's workflow),
 * eXIf, tIME, iCCP when asked, and anything after IEND. Everything else (palette, transparency,
 * gamma, sRGB, the image data) is kept as it is.
 */

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const METADATA = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

/** null when the file is not a PNG whose chunks can be walked: the caller re-encodes instead */
export function stripPngMetadata(png: Buffer, options: { dropIcc: boolean }): Buffer | null {
  if (png.length < SIGNATURE.length || !png.subarray(0, SIGNATURE.length).equals(SIGNATURE)) return null;
  const kept: Buffer[] = [png.subarray(0, SIGNATURE.length)];
  let at = SIGNATURE.length;
  while (at + 12 <= png.length) {
    const end = at + 12 + png.readUInt32BE(at);
    if (end > png.length) return null;
    const type = png.toString('latin1', at + 4, at + 8);
    if (!METADATA.has(type) && !(options.dropIcc && type === 'iCCP')) kept.push(png.subarray(at, end));
    at = end;
    // what follows IEND is no part of the picture (readers ignore it): left behind with the metadata
    if (type === 'IEND') return Buffer.concat(kept);
  }
  return null;
}
