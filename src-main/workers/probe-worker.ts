import sharp from 'sharp';

/**
 * Reads image headers (never the pixels) to tell a real image from a file
 * that only has an image's extension, and to learn its size. Batched: one
 * message per 64 files keeps the thread hand-off cheap at 100,000 images.
 */
export interface ProbeTask {
  paths: string[];
  maxPixels: number;
}

export type ProbeResult =
  | { ok: true; width: number; height: number; format: string }
  | { ok: false; reason: string };

// libvips keeps its own cache of open images; we look at each file once
sharp.cache(false);

export default async function probe(task: ProbeTask): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const path of task.paths) results.push(await probeOne(path, task.maxPixels));
  return results;
}

async function probeOne(path: string, maxPixels: number): Promise<ProbeResult> {
  try {
    const meta = await sharp(path, { limitInputPixels: false, sequentialRead: true }).metadata();
    const { width, height, format } = meta;
    if (!width || !height || !format) return { ok: false, reason: 'no image size in the file header' };
    if (width * height > maxPixels) {
      const mp = Math.round(maxPixels / 1e6);
      return { ok: false, reason: `too large: ${width}×${height} is over the ${mp}-megapixel limit` };
    }
    // the header's orientation says how the image is shown; report that size
    const rotated = (meta.orientation ?? 1) >= 5;
    return { ok: true, width: rotated ? height : width, height: rotated ? width : height, format };
  } catch (err) {
    return { ok: false, reason: readableReason(err) };
  }
}

function readableReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/unsupported image format/i.test(message)) return 'not a readable image (unknown or damaged format)';
  if (/premature end|truncated|unexpected end/i.test(message)) return 'the file is truncated';
  if (/empty|zero/i.test(message)) return 'the file is empty';
  return `not a readable image: ${message.split('\n')[0]}`;
}
