import { execFile } from 'node:child_process';
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A run's own copy of the cached set, made of hard links (instant, no disk
 * space): the app writes its session folder and caption edits in the copy,
 * and an edit replaces a caption by rename, so the cached original is never
 * changed. Falls back to copying across file systems. The new names are
 * written out to disk before it returns (`sync -f`, the folder's file system
 * only): the kernel's write-back of 200,000 fresh links, landing in the
 * middle of the load that follows, is the harness's cost, not the loader's.
 */
export async function stageFolder(from: string, to: string, which: 'all' | 'images'): Promise<number> {
  await mkdir(to, { recursive: true });
  const names = (await readdir(from)).filter((n) => (which === 'all' ? n.endsWith('.jpg') || n.endsWith('.txt') : n.endsWith('.jpg')));
  let cross = false;
  const one = async (name: string) => {
    if (!cross) {
      try {
        await link(join(from, name), join(to, name));
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        cross = true;
      }
    }
    await copyFile(join(from, name), join(to, name));
  };
  for (let i = 0; i < names.length; i += 256) await Promise.all(names.slice(i, i + 256).map(one));
  // where sync has no -f (macOS), the write-back is left to the kernel
  await promisify(execFile)('sync', ['-f', to]).catch(() => undefined);
  return names.length;
}
