import sharp from 'sharp';
import { packReads } from '../core/captions/packed-reads';
import { readCaptionSync } from '../core/captions/read-caption-sync';
import { statFilesSync } from '../core/fs/stat-files-sync';
import { fileProblem, readHeadSync } from '../core/fs/regular-file';
import { readImageHeader } from '../core/scan/image-header';
import { isBmpBytes, readBmpHeader } from './bmp-decode';
import type { FileFacts, ProbeResult, ScanProtocol } from '../core/scan/scan-protocol';
import { copyIntoDataset } from './copy-into-dataset';
import { SAMPLE_JPEG_HEAD, SAMPLE_PNG_HEAD } from './sample-headers';
import { serveRequests } from './worker-protocol';

/**
 * The scan's worker: reads image headers (never the pixels) to tell a real
 * image from a file that only has an image's extension and to learn its
 * size; stats the files of a large folder an import walks, and takes a
 * share of the index thread's stats and caption reads; and copies imported
 * images into the dataset. Batched: one
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
  warm: () => {
    warmUpHeaderChecks();
    return null;
  },
  stat: ({ paths }) => statFilesSync(paths),
  readCaptions: ({ paths }) => packReads(paths.map(readCaptionSync)),
  copy: ({ items }) => copyIntoDataset(items),
});

const HEADER_BYTES = 64 * 1024;
/** one buffer per thread, reused: a fresh 64 KiB per file kept the collector busy */
const head = Buffer.allocUnsafe(HEADER_BYTES);

/**
 * Plain JPEGs and PNGs, and every BMP (which sharp cannot read), from their
 * first 64 KiB without libvips; anything else is sharp's to judge. A file
 * that cannot be opened is refused with that reason: sharp would only call
 * it damaged. The file's size and mtime come from the descriptor the header
 * was read through.
 */
async function probeOne(path: string, maxPixels: number): Promise<ProbeResult> {
  let bytes: Buffer;
  let file: FileFacts;
  try {
    const read = readHeadSync(path, head);
    bytes = read.head;
    file = { size: read.size, mtimeMs: read.mtimeMs };
  } catch (err) {
    return { ok: false, reason: fileProblem(err), file: null };
  }
  const quick = judgeHead(bytes, file, maxPixels);
  if (quick) return quick;
  try {
    const meta = await sharp(path, { limitInputPixels: false, sequentialRead: true }).metadata();
    const { width, height, format } = meta;
    if (!width || !height || !format) return { ok: false, reason: 'no image size in the file header', file };
    return checked(width, height, format, meta.orientation ?? 1, maxPixels, file);
  } catch (err) {
    return { ok: false, reason: readableReason(err), file };
  }
}

/** the verdict on a file from its first bytes alone, where there is one; null: sharp's to judge */
function judgeHead(bytes: Buffer, file: FileFacts, maxPixels: number): ProbeResult | null {
  if (file.size === 0) return { ok: false, reason: 'the file is empty (0 bytes)', file };
  if (isBmpBytes(bytes)) {
    const bmp = readBmpHeader(bytes);
    return typeof bmp === 'string' ? { ok: false, reason: bmp, file } : checked(bmp.width, bmp.height, 'bmp', 1, maxPixels, file);
  }
  const quick = readImageHeader(bytes);
  return quick && checked(quick.width, quick.height, quick.format, quick.orientation, maxPixels, file);
}

/**
 * Runs the header check's own code over made-up headers and reads a file's
 * head, a few hundred times, as the thread starts (startAllThreads sends
 * `warm` ahead of need): a new import checked its first images with code V8
 * had not compiled yet, several times slower than the rest.
 */
function warmUpHeaderChecks(): void {
  const file = { size: 1, mtimeMs: 0 };
  const jpeg = Buffer.from(SAMPLE_JPEG_HEAD);
  const png = Buffer.from(SAMPLE_PNG_HEAD);
  for (let i = 0; i < WARM_UP_ROUNDS; i++) {
    judgeHead(jpeg, file, Infinity);
    judgeHead(png, file, Infinity);
  }
  // any regular file will do: the thread's own executable is always there
  for (let i = 0; i < WARM_UP_ROUNDS / 10; i++) readHeadSync(process.execPath, head);
}

const WARM_UP_ROUNDS = 300;

function checked(width: number, height: number, format: string, orientation: number, maxPixels: number, file: FileFacts): ProbeResult {
  if (width * height > maxPixels) {
    const mp = Math.round(maxPixels / 1e6);
    return { ok: false, reason: `too large: ${width}×${height} is over the ${mp}-megapixel limit`, file };
  }
  // the header's orientation says how the image is shown; report that size
  const rotated = orientation >= 5;
  return { ok: true, width: rotated ? height : width, height: rotated ? width : height, format, file };
}

function readableReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/unsupported image format/i.test(message)) return 'not a readable image (unknown or damaged format)';
  if (/premature end|truncated|unexpected end/i.test(message)) return 'the file is truncated';
  if (/empty|zero/i.test(message)) return 'the file is empty';
  return `not a readable image: ${message.split('\n')[0]}`;
}
