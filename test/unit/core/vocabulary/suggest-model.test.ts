import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SuggestIndex, type SuggestOptions, type Suggestion } from '../../../../src-main/core/vocabulary/suggest-index';
import { MatchRank, insertionText, matchRank, queryKey, tagKey } from '../../../../src-main/core/vocabulary/tag-key';
import type { ListTag } from '../../../../src-main/core/vocabulary/tag-list';
import { tagsSource } from '../../../../src-main/core/vocabulary/tag-source';

/**
 * The index answers from buckets, a joined haystack and a memo; this is the
 * same ranking written the obvious way, one tag at a time. They must agree on
 * any list, dataset, recent list and query.
 */
function reference(tags: readonly ListTag[], query: string, opts: SuggestOptions): Suggestion[] {
  const q = queryKey(query);
  if (q === '' || opts.limit < 1) return [];
  const listTag = new Map(tags.map((t) => [tagKey(t.name), t]));

  /** best rank over the text and the aliases (never inside an alias), and the alias that gave it */
  const rankOf = (key: string, aliases: readonly string[]): { rank: number; aliasOf?: string } => {
    let best: { rank: number; aliasOf?: string } = { rank: matchRank(key, q) };
    const seen = new Set([key]);
    for (const alias of aliases) {
      const aliasKey = tagKey(alias);
      if (aliasKey === '' || seen.has(aliasKey)) continue;
      seen.add(aliasKey);
      const r = matchRank(aliasKey, q);
      if (r < best.rank && r !== MatchRank.inside) best = { rank: r, aliasOf: alias.trim() };
    }
    return best;
  };
  const withAlias = (s: Suggestion, aliasOf: string | undefined): Suggestion =>
    aliasOf === undefined ? s : { ...s, aliasOf };

  const out: Suggestion[] = [];
  const taken = new Set<string>();
  const take = (key: string, s: Suggestion): void => {
    if (taken.has(key) || out.length >= opts.limit) return;
    taken.add(key);
    out.push(s);
  };

  const used = [...opts.datasetCounts]
    .filter(([name, count]) => count > 0 && tagKey(name) !== '')
    .map(([name, count]) => ({ name, count, key: tagKey(name), ...rankOf(tagKey(name), listTag.get(tagKey(name))?.aliases ?? []) }))
    .filter((m) => m.rank !== MatchRank.none)
    .sort((a, b) => a.rank - b.rank || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const m of used) {
    const category = listTag.get(m.key)?.category ?? 'unknown';
    take(m.key, withAlias({ name: m.name, category, count: m.count, source: 'dataset' }, m.aliasOf));
  }

  const recent = opts.recent
    .map((name, order) => ({ name, order, key: tagKey(name), ...rankOf(tagKey(name), listTag.get(tagKey(name))?.aliases ?? []) }))
    .filter((m) => m.key !== '' && m.rank !== MatchRank.none)
    .sort((a, b) => a.rank - b.rank || a.order - b.order);
  for (const m of recent) {
    const inDataset = opts.datasetCounts.get(m.name) ?? 0;
    const count = inDataset > 0 ? inDataset : (listTag.get(m.key)?.postCount ?? 0);
    const category = listTag.get(m.key)?.category ?? 'unknown';
    take(m.key, withAlias({ name: m.name, category, count, source: 'recent' }, m.aliasOf));
  }

  tags
    .map((tag, order) => ({ tag, order, key: tagKey(tag.name), ...rankOf(tagKey(tag.name), tag.aliases) }))
    .filter((m) => m.rank !== MatchRank.none && !taken.has(m.key))
    .sort((a, b) => a.rank - b.rank || b.tag.postCount - a.tag.postCount || a.order - b.order)
    .forEach((m) => {
      const name = insertionText(m.tag.name.trim(), opts.underscoresToSpaces);
      take(m.key, withAlias({ name, category: m.tag.category, count: m.tag.postCount, source: 'list' }, m.aliasOf));
    });
  return out;
}

// a small alphabet with every separator, so matches of every kind are common
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'B', '_', ' ', '-', '(', ')'), minLength: 1, maxLength: 7 });
const tag = fc.record({
  name: text,
  category: fc.constantFrom('general', 'artist', 'character', 'unknown' as const),
  postCount: fc.integer({ min: 0, max: 4 }),
  aliases: fc.array(text, { maxLength: 3 }),
});
const list = fc
  .uniqueArray(tag, { selector: (t) => tagKey(t.name), maxLength: 40 })
  .map((tags) => tags.filter((t) => tagKey(t.name) !== ''));

/** mostly pieces of names and aliases in the list (so most queries find something), sometimes anything */
const scenario = list.chain((tags) => {
  const texts = tags.flatMap((t) => [t.name, ...t.aliases]);
  const known = texts.length === 0 ? text : fc.constantFrom(...texts);
  const piece = known.chain((t) =>
    fc.tuple(fc.nat(t.length - 1), fc.nat(t.length), fc.boolean()).map(([from, length, upper]) => {
      const slice = t.slice(from, from + 1 + length);
      return upper ? slice.toUpperCase().replace(/_/g, ' ') : slice;
    }),
  );
  const someTag = fc.oneof(known, text);
  return fc.record({
    tags: fc.constant(tags),
    query: fc.oneof({ arbitrary: piece, weight: 4 }, { arbitrary: text, weight: 1 }),
    opts: fc.record({
      limit: fc.integer({ min: 1, max: 12 }),
      datasetCounts: fc.array(fc.tuple(someTag, fc.integer({ min: 0, max: 5 })), { maxLength: 20 }).map((pairs) => new Map(pairs)),
      recent: fc.array(someTag, { maxLength: 5 }),
      underscoresToSpaces: fc.boolean(),
    }),
    // an edit between two keystrokes: one tag gone, some added or recounted, in the same map
    edit: fc.record({
      drop: fc.nat(),
      set: fc.array(fc.tuple(someTag, fc.integer({ min: 0, max: 5 })), { maxLength: 4 }),
    }),
  });
});

describe('SuggestIndex against a one-tag-at-a-time model', () => {
  it('agrees on every list, dataset, recent list and query', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ tags, query, opts, edit }) => {
        const index = new SuggestIndex();
        await index.addList(tagsSource(tags), 'fuzz', async () => tagsSource(tags));
        expect(index.suggest(query, opts)).toEqual(reference(tags, query, opts));
        // asked twice, what is remembered of the dataset must not change the answer
        expect(index.suggest(query, opts)).toEqual(reference(tags, query, opts));
        // nor when the same map is edited in place between keystrokes
        const counts = opts.datasetCounts as Map<string, number>;
        const dropped = [...counts.keys()][edit.drop % Math.max(1, counts.size)];
        if (dropped !== undefined) counts.delete(dropped);
        for (const [name, count] of edit.set) counts.set(name, count);
        expect(index.suggest(query, opts)).toEqual(reference(tags, query, opts));
      }),
      { numRuns: 500 },
    );
  });
});
