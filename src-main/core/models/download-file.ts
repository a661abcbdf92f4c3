import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rename, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { AppError, describeFsError } from '../app-error';
import { describeHubStatus, describeNetworkError } from './hub-errors';
import type { HubFileInfo } from './hub-metadata';

/**
 * One file from the hub into `target`, through `target.part`. A broken
 * download leaves the .part and, beside it, the ETag it belongs to; the next
 * attempt asks only for the rest (an HTTP Range), unless the file changed on
 * the hub since (another ETag), which starts it over. The finished file is
 * checked against the hub's size and, for LFS files, its SHA-256, and only
 * then renamed into place: a reader sees no file or the whole verified file.
 */
export interface FileDownload {
  info: HubFileInfo;
  repo: string;
  file: string;
  target: string;
  host: string;
  signal: AbortSignal;
  /** bytes of this file on disk so far */
  onBytes(bytes: number): void;
}

interface PartMeta {
  etag: string | null;
  size: number | null;
}

export const partPath = (target: string) => `${target}.part`;
const metaPath = (target: string) => `${target}.part.json`;

async function readMeta(target: string): Promise<PartMeta | null> {
  try {
    const meta = JSON.parse(await readFile(metaPath(target), 'utf8')) as Partial<PartMeta>;
    return { etag: typeof meta.etag === 'string' ? meta.etag : null, size: typeof meta.size === 'number' ? meta.size : null };
  } catch {
    return null;
  }
}

/** how much of the file an earlier attempt left that we may keep: 0 when it was another version of the file */
async function resumableBytes(target: string, info: HubFileInfo): Promise<number> {
  const meta = await readMeta(target);
  const part = await stat(partPath(target)).catch(() => null);
  const sameFile = meta !== null && info.etag !== null && meta.etag === info.etag && meta.size === info.size;
  if (!part?.isFile() || !sameFile || (info.size !== null && part.size > info.size)) return 0;
  return part.size;
}

async function hashPrefix(path: string, bytes: number): Promise<Hash> {
  const hash = createHash('sha256');
  if (bytes > 0) for await (const chunk of createReadStream(path, { start: 0, end: bytes - 1 })) hash.update(chunk as Buffer);
  return hash;
}

const firstByteOf = (contentRange: string | null): number | null => {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(contentRange ?? '');
  return match ? Number(match[1]) : null;
};

const removePart = async (target: string) => {
  await unlink(partPath(target)).catch(() => undefined);
  await unlink(metaPath(target)).catch(() => undefined);
};

export async function downloadFile(d: FileDownload): Promise<{ size: number; sha256: string }> {
  const { info, signal, target } = d;
  const what = `${d.repo}/${d.file}`;
  const fsError = (err: unknown) => (err instanceof AppError ? err : describeFsError(err, `Cannot write ${d.file} into ${target.slice(0, -d.file.length)}`));

  let offset = await resumableBytes(target, info).catch((err: unknown) => { throw fsError(err); });
  if (offset === 0) await removePart(target);
  await writeFile(metaPath(target), JSON.stringify({ etag: info.etag, size: info.size } satisfies PartMeta)).catch((err: unknown) => { throw fsError(err); });
  let hash = await hashPrefix(partPath(target), offset);
  d.onBytes(offset);

  if (info.size === null || offset < info.size) {
    const response = await fetch(info.url, {
      redirect: 'follow',
      headers: { 'Accept-Encoding': 'identity', ...(offset > 0 ? { Range: `bytes=${offset}-` } : {}) },
      signal,
    }).catch((err: unknown) => {
      if (signal.aborted) throw signal.reason;
      throw describeNetworkError(err, d.host, `Downloading ${what}`);
    });
    if (response.status === 200 && offset > 0) {
      // the server ignored the Range: what it sends is the whole file, so start over
      offset = 0;
      hash = createHash('sha256');
    } else if (response.status === 206 ? firstByteOf(response.headers.get('content-range')) !== offset : response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 416 || response.status === 206) {
        await removePart(target);
        throw new AppError('io', `${d.host} could not resume ${what} where it stopped (HTTP ${response.status}); the partial file was removed. Download again to start over.`);
      }
      throw describeHubStatus(response.status, response.headers.get('x-error-code'), d.repo, d.file, d.host);
    }
    offset = await receive(d, response, offset, hash, fsError);
  }

  if (info.size !== null && offset !== info.size) {
    if (offset > info.size) await removePart(target);
    throw new AppError('io', `${what} from ${d.host} ended at ${offset} of ${info.size} bytes. Download again: ${offset < info.size ? 'it resumes where it stopped' : 'it starts over'}.`);
  }
  const sha256 = hash.digest('hex');
  if (info.sha256 !== null && sha256 !== info.sha256) {
    await removePart(target);
    throw new AppError('io', `${what} does not match the SHA-256 the hub gives (expected ${info.sha256}, got ${sha256}): it was not installed. Download again.`);
  }
  try {
    await rename(partPath(target), target);
    await unlink(metaPath(target)).catch(() => undefined);
  } catch (err) {
    throw fsError(err);
  }
  return { size: offset, sha256 };
}

/** streams the body onto the .part; a cut or a cancel keeps what arrived, for the next attempt to resume */
async function receive(d: FileDownload, response: Response, start: number, hash: Hash, fsError: (err: unknown) => AppError): Promise<number> {
  let handle: FileHandle | null = null;
  let bytes = start;
  try {
    handle = await open(partPath(d.target), start === 0 ? 'w' : 'a').catch((err: unknown) => { throw fsError(err); });
    if (!response.body) return bytes;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read().catch((err: unknown) => {
        if (d.signal.aborted) throw d.signal.reason;
        throw describeNetworkError(err, d.host, `Downloading ${d.repo}/${d.file}`);
      });
      if (done) break;
      await handle.writeFile(value).catch((err: unknown) => {
        void reader.cancel().catch(() => undefined);
        throw fsError(err);
      });
      hash.update(value);
      bytes += value.byteLength;
      d.onBytes(bytes);
    }
    await handle.sync().catch((err: unknown) => { throw fsError(err); });
    return bytes;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
