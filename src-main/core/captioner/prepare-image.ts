import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

/**
 * The image as sent to a model: a JPEG, upright, its longest side at most
 * `maxSide` (never enlarged), transparency on white. A JPEG that is all of
 * that already goes as its own bytes: decoding and encoding it again would
 * cost a core's time per image and a little of its quality for nothing.
 * sharp works on its own threads, so the main thread only waits.
 */
export async function prepareImage(path: string, maxSide: number): Promise<Buffer> {
  try {
    const bytes = await readFile(path);
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 512 * 1024 * 1024 });
    const meta = await image.metadata();
    const upright = (meta.orientation ?? 1) === 1;
    const within = Math.max(meta.width ?? Infinity, meta.height ?? Infinity) <= maxSide;
    // CMYK and other spaces: many servers' decoders show them wrong, so they are converted
    const plain = meta.space === 'srgb' || meta.space === 'b-w';
    if (meta.format === 'jpeg' && upright && within && plain) return bytes;
    return await image
      .rotate()
      .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 90 })
      .toBuffer();
  } catch (err) {
    throw new Error(`The image cannot be read: ${(err as Error).message}`, { cause: err });
  }
}
