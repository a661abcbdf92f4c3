import type { TagCount } from '../../../src-shared/contract';

/**
 * Autocomplete from the dataset's own tags: those starting with the query
 * first, then those with a word starting with it, then any containing it;
 * most used first within each. Case-insensitive; `_` and space alike.
 */
export function suggestFromDataset(tags: readonly TagCount[], query: string, limit: number): TagCount[] {
  const q = fold(query.trim());
  if (q === '') return tags.slice(0, limit);
  const starts: TagCount[] = [];
  const words: TagCount[] = [];
  const contains: TagCount[] = [];
  for (const t of tags) {
    const name = fold(t.name);
    if (name.startsWith(q)) starts.push(t);
    else if (name.includes(` ${q}`) || name.includes(`(${q}`) || name.includes(`-${q}`)) words.push(t);
    else if (name.includes(q)) contains.push(t);
  }
  const byCount = (a: TagCount, b: TagCount) => b.count - a.count || a.name.localeCompare(b.name);
  return [...starts.sort(byCount), ...words.sort(byCount), ...contains.sort(byCount)].slice(0, limit);
}

const fold = (s: string) => s.toLowerCase().replace(/_/g, ' ');
