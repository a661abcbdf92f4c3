/**
 * kohya's DreamBooth layout names a subset by its folder: `<repeats>_<name>`
 * (`5_cat/`: five repeats, class "cat"). A dataset already laid out so keeps
 * its subsets in the export; what lies outside them goes to the subset the
 * export options name.
 */
export interface KohyaSubset {
  /** the folder name, `<repeats>_<name>` */
  folder: string;
  repeats: number;
  /** kohya's class tokens for an image without a caption */
  name: string;
}

/** the repeats kohya's folder names carry, as the export options allow them (1 to 10,000) */
const SUBSET_FOLDER = /^(\d{1,5})_(.+)$/;
const MAX_REPEATS = 10_000;

export function parseSubsetFolder(folder: string): KohyaSubset | null {
  const m = SUBSET_FOLDER.exec(folder);
  if (!m) return null;
  const repeats = Number(m[1]);
  if (repeats < 1 || repeats > MAX_REPEATS || m[2]!.trim() === '') return null;
  return { folder, repeats, name: m[2]! };
}

/**
 * Where an image at `relPath` goes: into the nearest folder of its path named
 * as a subset (`shoot/5_cat/x.png` → `5_cat`, as `x.png`), else into
 * `fallback` with its whole path (`nested/b.webp`, flattened later).
 */
export function subsetOf(relPath: string, fallback: KohyaSubset): { subset: KohyaSubset; rel: string } {
  const parts = relPath.split('/');
  for (let i = parts.length - 2; i >= 0; i--) {
    const subset = parseSubsetFolder(parts[i]!);
    if (subset) return { subset, rel: parts.slice(i + 1).join('/') };
  }
  return { subset: fallback, rel: relPath };
}
