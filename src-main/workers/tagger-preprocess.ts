import sharp from 'sharp';
import { imageSharp } from './image-input';

/**
 * An image as the WD14 taggers take it, done as the reference (SmilingWolf's
 * demo app.py) does it with Pillow: EXIF orientation applied; transparency
 * composited onto white; padded with white to a centred square (the odd
 * pixel of padding goes right and bottom, as Pillow's paste at
 * `(max - w) // 2` puts it); resized with bicubic to the model's size; BGR;
 * float32 0–255, no normalisation; written into `out` at `offset` (NHWC).
 *
 * sharp applies its operations in a fixed order (resize before extend), so
 * the pad is done on the raw pixels between a decode pass and a resize pass.
 */
const MAX_TAGGER_INPUT_PIXELS = 268_402_689; // sharp's default limit: a decompression bomb is refused

const WHITE = { r: 255, g: 255, b: 255 };

export async function preprocessInto(path: string, size: number, out: Float32Array, offset: number): Promise<void> {
  const decoded = await imageSharp(path, { failOn: 'truncated', limitInputPixels: MAX_TAGGER_INPUT_PIXELS })
    .rotate()
    .flatten({ background: WHITE })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const { width, height, channels } = decoded.info;
  const side = Math.max(width, height);
  const square = padToSquare(decoded.data, width, height, channels, side);
  const pixels =
    side === size
      ? square
      : await sharp(square, { raw: { width: side, height: side, channels: 3 } })
          .resize(size, size, { kernel: 'cubic', fit: 'fill' })
          .raw()
          .toBuffer();
  for (let p = 0, o = offset, end = size * size * 3; p < end; p += 3, o += 3) {
    out[o] = pixels[p + 2]!;
    out[o + 1] = pixels[p + 1]!;
    out[o + 2] = pixels[p]!;
  }
}

/** RGB pixels (from 1 to 4 channels in) centred on a white square */
function padToSquare(data: Buffer, width: number, height: number, channels: number, side: number): Buffer {
  const square = Buffer.alloc(side * side * 3, 255);
  const left = Math.floor((side - width) / 2);
  const top = Math.floor((side - height) / 2);
  for (let y = 0; y < height; y++) {
    let o = ((top + y) * side + left) * 3;
    if (channels === 3) {
      data.copy(square, o, y * width * 3, (y + 1) * width * 3);
      continue;
    }
    for (let x = 0, p = y * width * channels; x < width; x++, p += channels, o += 3) {
      const grey = channels < 3;
      square[o] = data[p]!;
      square[o + 1] = data[grey ? p : p + 1]!;
      square[o + 2] = data[grey ? p : p + 2]!;
    }
  }
  return square;
}
