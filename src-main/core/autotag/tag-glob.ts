/**
 * The exclude list's patterns: `*` any run, `?` one character, case
 * insensitive, and a space matches an underscore (a user types "long hair"
 * for the model's long_hair). Tag names are short, so a RegExp is enough.
 */
export type TagTest = (name: string) => boolean;

const fold = (s: string) => s.toLowerCase().replaceAll(' ', '_');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileTagPatterns(patterns: readonly string[]): TagTest {
  const exact = new Set<string>();
  const wild: RegExp[] = [];
  for (const raw of patterns) {
    const p = fold(raw.trim());
    if (!p) continue;
    if (!/[*?]/.test(p)) exact.add(p);
    else wild.push(new RegExp(`^${[...p].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escape(c))).join('')}$`, 'su'));
  }
  return (name) => {
    const n = fold(name);
    return exact.has(n) || wild.some((re) => re.test(n));
  };
}
