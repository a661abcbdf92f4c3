import sharp from 'sharp';

/**
 * The image as sent to a model: turned upright, its longest side at most
 * `maxSide` (never enlarged), transparency on white, as JPEG. sharp decodes
 * and encodes on its own threads, so the main thread only waits.
 */
export async function prepareImage(path: string, maxSide: number): Promise<Buffer> {
  try {
    return await sharp(path, { failOn: 'error', limitInputPixels: 512 * 1024 * 1024 })
      .rotate()
      .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 90 })
      .toBuffer();
  } catch (err) {
    throw new Error(`The image cannot be read: ${(err as Error).message}`, { cause: err });
  }
}
