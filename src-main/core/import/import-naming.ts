/**
 * civitai-tagger's names: `<prefix>_001.<ext>`, numbered on from the highest
 * number already in the output folder, at least three digits.
 */
export function highestNumber(fileNames: Iterable<string>, prefix: string): number {
  const pattern = new RegExp(`^${escapeRegExp(prefix)}_(\\d+)\\.[^.]+$`, 'i');
  let max = 0;
  for (const name of fileNames) {
    const m = pattern.exec(name);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max;
}

export function importName(prefix: string, n: number, extension: string): string {
  return `${prefix}_${String(n).padStart(3, '0')}.${extension.toLowerCase()}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
