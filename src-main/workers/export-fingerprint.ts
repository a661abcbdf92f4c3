import { createHash } from 'node:crypto';
import { fileProblem, openRegularFile } from '../core/fs/regular-file';
import { readableImageError } from './export-image-errors';
import type { Fingerprint, FingerprintTask } from '../core/export/export-protocol';
import { imageInfo, imageSharp } from './image-input';

/**
 * What the pre-export check compares images by: a SHA-256 of the bytes
 * (identical files) and a 64-bit difference hash of the picture (the same
 * picture saved twice, resized or recompressed).
 */
export async function fingerprintImages(task: FingerprintTask): Promise<Fingerprint[]> {
  const out: Fingerprint[] = [];
  for (const path of task.paths) out.push(await fingerprintOne(path, task.maxPixels));
  return out;
}

async function fingerprintOne(path: string, maxPixels: number): Promise<Fingerprint> {
  let sha256: string;
  let bytes: number;
  try {
    ({ sha256, bytes } = await hashFile(path));
  } catch (err) {
    return { ok: false, reason: `cannot read the file: ${fileProblem(err)}` };
  }
  try {
    const meta = await imageInfo(path, { limitInputPixels: false });
    if (!meta.width || !meta.height) return { ok: false, reason: 'no image size in the file header' };
    if (meta.width * meta.height > maxPixels) {
      return { ok: false, reason: `too large: ${meta.width}×${meta.height} is over the ${Math.round(maxPixels / 1e6)}-megapixel limit` };
    }
    const rotated = (meta.orientation ?? 1) >= 5;
    const { dhash, mean } = await differenceHash(path, maxPixels);
    return {
      ok: true,
      sha256,
      bytes,
      dhash,
      mean,
      width: rotated ? meta.height : meta.width,
      height: rotated ? meta.width : meta.height,
    };
  } catch (err) {
    return { ok: false, reason: readableImageError(err) };
  }
}

/**
 * dHash: the picture as it is shown (orientation applied, transparency on
 * white), shrunk to 9×8 grey pixels; each bit says whether a pixel is darker
 * than its right-hand neighbour. 8 rows × 8 comparisons = 64 bits, top row
 * first, as 16 hex digits.
 */
async function differenceHash(path: string, maxPixels: number): Promise<{ dhash: string; mean: number }> {
  const grey = await imageSharp(path, { limitInputPixels: maxPixels })
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(9, 8, { fit: 'fill' })
    .raw()
    .toBuffer();
  let hex = '';
  let nibble = 0;
  let bits = 0;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      nibble = (nibble << 1) | (grey[y * 9 + x]! < grey[y * 9 + x + 1]! ? 1 : 0);
      if (++bits % 4 === 0) {
        hex += nibble.toString(16);
        nibble = 0;
      }
    }
  }
  const mean = grey.reduce((sum, v) => sum + v, 0) / grey.length;
  return { dhash: hex, mean };
}

/** and the bytes hashed; through a handle opened as a regular file: a named pipe in an image's place is refused, never waited on */
async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const { handle } = await openRegularFile(path);
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    handle
      .createReadStream()
      .on('data', (chunk) => {
        hash.update(chunk);
        bytes += chunk.length;
      })
      .on('error', reject)
      .on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
  });
}
