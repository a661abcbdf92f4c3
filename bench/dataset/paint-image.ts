import sharp from 'sharp';
import { intBetween, type Random } from './prng';

/**
 * A picture with the statistics of a photo or a render, not a flat colour: a
 * two-colour gradient at an angle, a dozen filled shapes, and sensor-like
 * noise. Flat images decode and encode far faster than real ones and would
 * flatter every thumbnail figure.
 */
export function paintPixels(width: number, height: number, random: Random): Buffer {
  const px = Buffer.allocUnsafe(width * height * 3);
  const from = [intBetween(random, 0, 255), intBetween(random, 0, 255), intBetween(random, 0, 255)];
  const to = [intBetween(random, 0, 255), intBetween(random, 0, 255), intBetween(random, 0, 255)];
  const angle = random() * Math.PI * 2;
  const dx = Math.cos(angle) / width;
  const dy = Math.sin(angle) / height;
  const t0 = Math.min(0, dx * width) + Math.min(0, dy * height);
  const span = Math.abs(dx * width) + Math.abs(dy * height) || 1;
  // fixed-point steps along each row: a float per byte made this the slowest part of the bench's setup
  const stepX = [0, 1, 2].map((c) => Math.round(((to[c]! - from[c]!) * dx * 65536) / span));
  for (let y = 0; y < height; y++) {
    let o = y * width * 3;
    const t = (y * dy - t0) / span;
    let r = Math.round((from[0]! + (to[0]! - from[0]!) * t) * 65536);
    let g = Math.round((from[1]! + (to[1]! - from[1]!) * t) * 65536);
    let b = Math.round((from[2]! + (to[2]! - from[2]!) * t) * 65536);
    const [sr, sg, sb] = stepX as [number, number, number];
    for (let x = 0; x < width; x++) {
      px[o++] = r >> 16;
      px[o++] = g >> 16;
      px[o++] = b >> 16;
      r += sr;
      g += sg;
      b += sb;
    }
  }
  const shapes = intBetween(random, 8, 16);
  for (let s = 0; s < shapes; s++) paintShape(px, width, height, random);
  addNoise(px, width, height, random);
  return px;
}

function paintShape(px: Buffer, width: number, height: number, random: Random): void {
  const r = intBetween(random, 0, 255);
  const g = intBetween(random, 0, 255);
  const b = intBetween(random, 0, 255);
  const cx = random() * width;
  const cy = random() * height;
  const size = (0.05 + random() * 0.25) * Math.min(width, height);
  const circle = random() < 0.5;
  const x0 = Math.max(0, Math.floor(cx - size));
  const x1 = Math.min(width, Math.ceil(cx + size));
  const y0 = Math.max(0, Math.floor(cy - size));
  const y1 = Math.min(height, Math.ceil(cy + size * (circle ? 1 : 0.6)));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      if (circle && (x - cx) ** 2 + (y - cy) ** 2 > size * size) continue;
      const o = (y * width + x) * 3;
      px[o] = r;
      px[o + 1] = g;
      px[o + 2] = b;
    }
  }
}

const NOISE = 1 << 16;
let noiseTable: Int8Array | null = null;

/** ±10 levels of noise: enough to make JPEG work as hard as on a real photo */
function addNoise(px: Buffer, width: number, height: number, random: Random): void {
  if (!noiseTable) {
    noiseTable = new Int8Array(NOISE);
    let seed = 12345;
    for (let i = 0; i < NOISE; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      noiseTable[i] = ((seed >>> 16) % 21) - 10;
    }
  }
  const table = noiseTable;
  const rowBytes = width * 3;
  for (let y = 0; y < height; y++) {
    // a different window of the table on each row, so no pattern repeats
    let n = Math.floor(random() * NOISE);
    const end = (y + 1) * rowBytes;
    for (let o = y * rowBytes; o < end; o++) {
      const v = px[o]! + table[n++ & (NOISE - 1)]!;
      px[o] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
}

export async function writeJpeg(path: string, width: number, height: number, random: Random, quality = 88): Promise<void> {
  const px = paintPixels(width, height, random);
  await sharp(px, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toFile(path);
}
