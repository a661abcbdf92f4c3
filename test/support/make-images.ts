import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/**
 * Small real images, each a different colour so tests can tell them apart by
 * their pixels. Format from the extension.
 */
export async function makeImage(path: string, options: { width?: number; height?: number; seed?: number } = {}): Promise<void> {
  const { width = 64, height = 48, seed = 0 } = options;
  mkdirSync(dirname(path), { recursive: true });
  const colour = { r: (seed * 53) % 256, g: (seed * 97 + 40) % 256, b: (seed * 151 + 80) % 256 };
  const ext = path.split('.').pop()!.toLowerCase();
  let img = sharp({ create: { width, height, channels: 3, background: colour } });
  if (ext === 'jpg' || ext === 'jpeg') img = img.jpeg({ quality: 80 });
  else if (ext === 'webp') img = img.webp();
  else if (ext === 'gif') img = img.gif();
  else if (ext === 'tif' || ext === 'tiff') img = img.tiff();
  else if (ext === 'avif') img = img.avif();
  else if (ext === 'bmp') {
    writeFileSync(path, bmp24(await img.raw().toBuffer(), width, height));
    return;
  } else img = img.png();
  await img.toFile(path);
}

/** RGB pixels, top row first, as the 24-bit bottom-up BMP Windows Paint writes (sharp writes no BMP) */
export function bmp24(rgb: Uint8Array, width: number, height: number): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const out = Buffer.alloc(54 + stride * height);
  out.write('BM', 0, 'latin1');
  out.writeUInt32LE(out.length, 2);
  out.writeUInt32LE(54, 10); // pixel data offset
  out.writeUInt32LE(40, 14); // BITMAPINFOHEADER
  out.writeInt32LE(width, 18);
  out.writeInt32LE(height, 22); // positive: the bottom row comes first
  out.writeUInt16LE(1, 26);
  out.writeUInt16LE(24, 28);
  out.writeUInt32LE(stride * height, 34);
  for (let y = 0; y < height; y++) {
    const row = 54 + stride * (height - 1 - y);
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      out[row + x * 3] = rgb[p + 2]!;
      out[row + x * 3 + 1] = rgb[p + 1]!;
      out[row + x * 3 + 2] = rgb[p]!;
    }
  }
  return out;
}

export async function makeImages(dir: string, names: readonly string[], options: { width?: number; height?: number } = {}) {
  await Promise.all(names.map((name, i) => makeImage(join(dir, name), { ...options, seed: i + 1 })));
}

export function writeBytes(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}
