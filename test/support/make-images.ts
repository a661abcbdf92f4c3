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
  else img = img.png();
  await img.toFile(path);
}

export async function makeImages(dir: string, names: readonly string[], options: { width?: number; height?: number } = {}) {
  await Promise.all(names.map((name, i) => makeImage(join(dir, name), { ...options, seed: i + 1 })));
}

export function writeBytes(path: string, bytes: Uint8Array | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}
