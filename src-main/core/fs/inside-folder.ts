import { readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/** more links in one path than this is a loop, as the OS counts it (Linux's MAXSYMLINKS is 40) */
const MAX_LINK_HOPS = 40;

/**
 * Whether `path` is `folder` or lies inside it, as the file system will reach
 * them: every symbolic link followed. Compared as text, `served/link` is
 * inside `served` even when `link` points to /etc. A path that does not exist
 * yet (an export to create) is judged by its deepest existing ancestor, the
 * only part that can hold a link. Throws what realpath throws for a path that
 * cannot be followed (permission denied, a link loop).
 */
export async function isInsideFolder(path: string, folder: string): Promise<boolean> {
  const [real, root] = await Promise.all([realLocation(path), realLocation(folder)]);
  return isInsidePath(real, root);
}

/** the same question for paths already resolved, as text */
export function isInsidePath(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

/**
 * `path`, absolute, with every symbolic link in the part that exists resolved;
 * the missing rest is kept as written. A dangling link counts as where it
 * points: whatever is created through it lands there.
 */
export async function realLocation(path: string): Promise<string> {
  let existing = resolve(path);
  const missing: string[] = [];
  for (let hops = 0; ; ) {
    try {
      return join(await realpath(existing), ...missing);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
    }
    const target = await readlink(existing).catch(() => null);
    if (target !== null) {
      if (++hops > MAX_LINK_HOPS) throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP' });
      existing = resolve(dirname(existing), target);
      continue;
    }
    const parent = dirname(existing);
    if (parent === existing) return join(existing, ...missing);
    missing.unshift(basename(existing));
    existing = parent;
  }
}
