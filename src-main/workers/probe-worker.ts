import { closeSync, readFileSync, statSync, type Stats } from 'node:fs';
import sharp from 'sharp';
import { decodeCaption, DEFAULT_CAPTION_FORMAT } from '../core/captions/caption-codec';
import { ABSENT_FINGERPRINT, fingerprintBytes, type CaptionSnapshot } from '../core/captions/caption-file';
import { fileProblem, openRegularFileSync, readHeadSync } from '../core/fs/regular-file';
import { readImageHeader } from '../core/scan/image-header';
import { isBmpBytes, readBmpHeader } from './bmp-decode';
import type { CaptionReadResult, ProbeResult, ScanProtocol } from '../core/scan/scan-protocol';
import { copyIntoDataset } from './copy-into-dataset';
import { serveRequests } from './worker-protocol';

/**
 * The scan's worker: reads image headers (never the pixels) to tell a real
 * image from a file that only has an image's extension and to learn its
 * size; when a large folder is opened, stats its files and reads its
 * caption files in bulk; and copies imported images into the dataset. Batched: one
 * message per many files keeps the thread hand-off cheap. It serves
 * core/scan's ScanProtocol.
 */

// libvips keeps its own cache of open images; we look at each file once
sharp.cache(false);

export default serveRequests<ScanProtocol>({
  probe: async ({ paths, maxPixels }) => {
    const results: ProbeResult[] = [];
    for (const path of paths) results.push(await probeOne(path, maxPixels));
    return results;
  },
  captions: ({ paths }) => paths.map(readCaption),
  stat: ({ paths }) => statAll(paths),
  copy: ({ items }) => copyIntoDataset(items),
});

/**
 * Synchronous reads: in this thread they block nobody, and skip the libuv
 * pool's hand-offs, which at 100,000 files cost the main thread more than the
 * reading. Stat and read through one descriptor, as readCaptionFile does, so
 * both describe the same file; like it, only a regular file is read, and a
 * named pipe is never waited on.
 */
function readCaption(path: string): CaptionReadResult {
  let opened: { fd: number; stats: Stats };
  try {
    opened = openRegularFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, snapshot: absent() };
    return { ok: false, reason: fileProblem(err) };
  }
  try {
    const bytes = readFileSync(opened.fd);
    const snapshot: CaptionSnapshot = {
      exists: true,
      fingerprint: fingerprintBytes(bytes),
      size: bytes.length,
      mtimeMs: opened.stats.mtimeMs,
      decoded: decodeCaption(bytes),
      bytes: null,
    };
    return { ok: true, snapshot };
  } catch (err) {
    return { ok: false, reason: fileProblem(err) };
  } finally {
    closeSync(opened.fd);
  }
}

function statAll(paths: readonly string[]): Float64Array {
  const out = new Float64Array(paths.length * 2);
  paths.forEach((path, i) => {
    // any path that cannot be stat-ed (gone, a link that loops) is not a file, as in the walk's own stats: never a failed open
    const s = statOrNone(path);
    const file = s?.isFile() ?? false;
    out[i * 2] = file ? s!.size : -1;
    out[i * 2 + 1] = file ? s!.mtimeMs : 0;
  });
  return out;
}

function statOrNone(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

const absent = (): CaptionSnapshot => ({
  exists: false,
  fingerprint: ABSENT_FINGERPRINT,
  size: 0,
  mtimeMs: 0,
  decoded: { text: '', format: { ...DEFAULT_CAPTION_FORMAT } },
  bytes: null,
});

const HEADER_BYTES = 64 * 1024;
/** one buffer per thread, reused: a fresh 64 KiB per file kept the collector busy */
const head = Buffer.allocUnsafe(HEADER_BYTES);

/**
 * Plain JPEGs and PNGs, and every BMP (which sharp cannot read), from their
 * first 64 KiB without libvips; anything else is sharp's to judge. A file
 * that cannot be opened is refused with that reason: sharp would only call
 * it damaged.
 */
async function probeOne(path: string, maxPixels: number): Promise<ProbeResult> {
  let bytes: Buffer;
  try {
    bytes = readHeadSync(path, head).head;
  } catch (err) {
    return { ok: false, reason: fileProblem(err) };
  }
  if (isBmpBytes(bytes)) {
    const bmp = readBmpHeader(bytes);
    return typeof bmp === 'string' ? { ok: false, reason: bmp } : checked(bmp.width, bmp.height, 'bmp', 1, maxPixels);
  }
  const quick = readImageHeader(bytes);
  if (quick) return checked(quick.width, quick.height, quick.format, quick.orientation, maxPixels);
  try {
    const meta = await sharp(path, { limitInputPixels: false, sequentialRead: true }).metadata();
    const { width, height, format } = meta;
    if (!width || !height || !format) return { ok: false, reason: 'no image size in the file header' };
    return checked(width, height, format, meta.orientation ?? 1, maxPixels);
  } catch (err) {
    return { ok: false, reason: readableReason(err) };
  }
}

function checked(width: number, height: number, format: string, orientation: number, maxPixels: number): ProbeResult {
  if (width * height > maxPixels) {
    const mp = Math.round(maxPixels / 1e6);
    return { ok: false, reason: `too large: ${width}×${height} is over the ${mp}-megapixel limit` };
  }
  // the header's orientation says how the image is shown; report that size
  const rotated = orientation >= 5;
  return { ok: true, width: rotated ? height : width, height: rotated ? width : height, format };
}

function readableReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/unsupported image format/i.test(message)) return 'not a readable image (unknown or damaged format)';
  if (/premature end|truncated|unexpected end/i.test(message)) return 'the file is truncated';
  if (/empty|zero/i.test(message)) return 'the file is empty';
  return `not a readable image: ${message.split('\n')[0]}`;
}
