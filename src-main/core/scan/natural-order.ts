/**
 * The order a person expects: `BG-2` before `BG-10`, case ignored. Folders
 * compare segment by segment so `a/z.png` stays with `a/` rather than
 * interleaving with files named `a-…`.
 */
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function compareNatural(a: string, b: string): number {
  const as = a.split('/');
  const bs = b.split('/');
  const n = Math.min(as.length, bs.length);
  for (let i = 0; i < n; i++) {
    // a file sorts before a subfolder at the same level
    const aIsDir = i < as.length - 1;
    const bIsDir = i < bs.length - 1;
    if (aIsDir !== bIsDir) return aIsDir ? 1 : -1;
    const c = collator.compare(as[i]!, bs[i]!);
    if (c !== 0) return c;
  }
  if (as.length !== bs.length) return as.length - bs.length;
  return a < b ? -1 : a > b ? 1 : 0; // names equal but for case: stay deterministic
}
