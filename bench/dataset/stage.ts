import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A run's own copy of the cached set, made of hard links (instant, no disk
 * space): the app writes its session folder and caption edits in the copy,
 * and an edit replaces a caption by rename, so the cached original is never
 * changed. Falls back to copying across file systems.
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
  return names.length;
}
