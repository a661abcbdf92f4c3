import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where made images live in the OS cache folder: one folder per kind and
 * size, 256 shards by the fingerprint's first two hex digits (no folder with
 * 100,000 entries), the fingerprint as the file name. The same content gives
 * the same path, whatever the dataset, the file name or the session.
 */
export type RenderKind = 'thumb' | 'preview' | 'full';
export type RenderOutput = 'webp' | 'jpeg' | 'png';

const EXTENSION: Record<RenderOutput, string> = { webp: 'webp', jpeg: 'jpg', png: 'png' };
export const MIME: Record<RenderOutput, string> = { webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };

export const kindFolder = (kind: RenderKind, side: number): string => `${kind}-${side}`;

export function cachePath(cacheDir: string, kind: RenderKind, side: number, fingerprint: string, output: RenderOutput): string {
  return join(cacheDir, kindFolder(kind, side), fingerprint.slice(0, 2), `${fingerprint}.${EXTENSION[output]}`);
}

/** a temp file whose writer may still run is this old before a listing removes it */
const STALE_TEMP_MS = 10 * 60_000;

/**
 * Every fingerprint with a finished file in one kind-and-size folder: 256
 * directory reads instead of a stat per image, so the "make all thumbnails"
 * job knows in a moment that a reopened folder needs none. Temp files a
 * killed process left are removed on the way.
 */
export async function listCached(cacheDir: string, kind: RenderKind, side: number): Promise<Set<string>> {
  const root = join(cacheDir, kindFolder(kind, side));
  const found = new Set<string>();
  const shards = await readdir(root).catch(() => [] as string[]);
  const removals: Promise<void>[] = [];
  for (const shard of shards) {
    const names = await readdir(join(root, shard)).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.tmp')) {
        removals.push(removeIfAbandoned(join(root, shard, name)));
        continue;
      }
      const dot = name.indexOf('.');
      if (dot > 0) found.add(name.slice(0, dot));
    }
  }
  await Promise.all(removals);
  return found;
}

/** a temp whose writing process is gone (killed mid-render) goes now; any other only once stale, as its render may be running */
async function removeIfAbandoned(path: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info) return;
  if (writerIsGone(path) || Date.now() - info.mtimeMs > STALE_TEMP_MS) await rm(path, { force: true }).catch(() => undefined);
}

/** the render worker names a temp `<dest>.<pid>.<random>.tmp`: is no process of that pid running? */
function writerIsGone(path: string): boolean {
  const pid = Number(/\.(\d+)\.[0-9a-z]+\.tmp$/.exec(path)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: it runs, as another user
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
