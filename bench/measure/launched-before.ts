import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { warmUpFolderIn, warmUpFolderSync } from '../../src-main/core/store/folder-sync-warm-up';

/** the made-up folder of an app launched before, made once per checkout under .bench like the datasets */
const SHARED_CACHE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.bench', 'launched-before');

/**
 * A run's app cache as a person's is after the app's first launch: holding
 * the index thread's made-up folder (see warmUpFolderSync), which the first
 * launch makes and every later one only reads. Each run has a cache of its
 * own (thumbnails must not carry over), so the folder is made once and
 * linked in. A first launch, which makes it, is measured by deleting the link.
 */
export async function asLaunchedBefore(cacheDir: string): Promise<void> {
  const shared = warmUpFolderIn(SHARED_CACHE);
  if (!existsSync(shared) && (await warmUpFolderSync(() => null, shared).done) === 0) throw new Error(`could not make ${shared}`);
  mkdirSync(cacheDir, { recursive: true });
  const linked = warmUpFolderIn(cacheDir);
  if (!existsSync(linked)) symlinkSync(shared, linked, 'dir');
}
