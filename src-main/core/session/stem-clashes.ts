import { captionPathFor } from '../scan/image-extensions';

/**
 * `a.png` and `a.jpg` in one folder share `a.txt` in every trainer, so one of
 * them would train on the other's caption. Returns each group of clashing names.
 */
export function findStemClashes(relPaths: Iterable<string>): string[][] {
  const byCaption = new Map<string, string[]>();
  for (const rel of relPaths) {
    const key = captionPathFor(rel).toLowerCase();
    const group = byCaption.get(key);
    if (group) group.push(rel);
    else byCaption.set(key, [rel]);
  }
  return [...byCaption.values()].filter((g) => g.length > 1);
}
