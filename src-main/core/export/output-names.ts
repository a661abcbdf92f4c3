/**
 * Names of the exported files. Every trainer pairs `x.png` with `x.txt`, so
 * no two images may share a stem in the output (compared without case: on
 * Windows and macOS `A.txt` and `a.txt` are one file). Subfolders are
 * flattened because trainers read one folder.
 */

export type RenameMode = 'keep' | 'renumber';

export interface NamedOutput {
  /** stem without extension, unique in the output ignoring case */
  stem: string;
  /** image file name: stem + '.' + ext */
  image: string;
  /** caption file name: stem + '.txt' */
  caption: string;
}

// Windows refuses these as file names, whatever follows the first dot
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * `relPaths[i]` is exported with extension `exts[i]` into the output folder
 * `dirs[i]` (all one folder when not given). Earlier images keep the plain
 * name; a later clash in the same folder gets `_2`, `_3`…
 */
export function planOutputNames(relPaths: readonly string[], exts: readonly string[], mode: RenameMode, dirs?: readonly string[]): NamedOutput[] {
  const width = Math.max(4, String(relPaths.length).length);
  const taken = new Set<string>();
  return relPaths.map((rel, i) => {
    const base = mode === 'renumber' ? String(i + 1).padStart(width, '0') : flattenStem(rel);
    const key = (stem: string) => `${dirs?.[i] ?? ''}/${stem}`.toLowerCase();
    let stem = base;
    for (let n = 2; taken.has(key(stem)); n++) stem = `${base}_${n}`;
    taken.add(key(stem));
    const ext = exts[i]!;
    return { stem, image: `${stem}.${ext}`, caption: `${stem}.txt` };
  });
}

/** 'sub/dir/a.b.png' → 'sub_dir_a.b': one safe file name on every platform */
export function flattenStem(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  const dot = relPath.lastIndexOf('.');
  const withoutExt = dot > slash + 1 ? relPath.slice(0, dot) : relPath;
  const flat = withoutExt
    .split('/')
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('_')
    // characters Windows forbids in names, and control characters
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"\\|?*\u0000-\u001f]/g, '_')
    // Windows drops trailing dots and spaces, which would merge names
    .replace(/[. ]+$/, '');
  if (flat === '') return 'image';
  return RESERVED.test(flat) ? `_${flat}` : flat;
}
