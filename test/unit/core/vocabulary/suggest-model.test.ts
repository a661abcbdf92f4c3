import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SuggestIndex, type Suggestion } from '../../../../src-main/core/vocabulary/suggest-index';
import { MatchRank, matchRank, queryKey, tagKey } from '../../../../src-main/core/vocabulary/tag-key';
import type { ListTag } from '../../../../src-main/core/vocabulary/tag-list';

/**
 * The index answers from buckets and a joined haystack; this is the same
 * ranking written the obvious way, one tag at a time. They must agree on any
 * list and any query.
 */
function reference(tags: readonly ListTag[], query: string, limit: number): Suggestion[] {
  const q = queryKey(query);
  if (q === '' || limit < 1) return [];
  const found: { rank: number; count: number; order: number; suggestion: Suggestion }[] = [];
  tags.forEach((tag, order) => {
    const key = tagKey(tag.name);
    let rank: number = matchRank(key, q);
    let aliasOf: string | undefined;
    const seen = new Set([key]);
    for (const alias of tag.aliases) {
      const aliasKey = tagKey(alias);
      if (aliasKey === '' || seen.has(aliasKey)) continue;
      seen.add(aliasKey);
      const r = matchRank(aliasKey, q);
      if (r < rank && r !== MatchRank.inside) {
        rank = r;
        aliasOf = alias.trim();
      }
    }
    if (rank === MatchRank.none) return;
    const suggestion: Suggestion = { name: tag.name.trim(), category: tag.category, count: tag.postCount, source: 'list' };
    if (aliasOf !== undefined) suggestion.aliasOf = aliasOf;
    found.push({ rank, count: tag.postCount, order, suggestion });
  });
  found.sort((a, b) => a.rank - b.rank || b.count - a.count || a.order - b.order);
  return found.slice(0, limit).map((f) => f.suggestion);
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

/** mostly a piece of a name or alias in the list (so most queries find something), sometimes anything */
const listAndQuery = list.chain((tags) => {
  const texts = tags.flatMap((t) => [t.name, ...t.aliases]);
  const piece =
    texts.length === 0
      ? text
      : fc
          .tuple(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.boolean())
          .map(([t, a, b, upper]) => {
            const from = a % t.length;
            const slice = t.slice(from, from + 1 + (b % (t.length - from)));
            return upper ? slice.toUpperCase().replace(/_/g, ' ') : slice;
          });
  return fc.tuple(fc.constant(tags), fc.oneof({ arbitrary: piece, weight: 4 }, { arbitrary: text, weight: 1 }));
});

describe('SuggestIndex against a one-tag-at-a-time model', () => {
  it('agrees on every list and query', async () => {
    await fc.assert(
      fc.asyncProperty(listAndQuery, fc.integer({ min: 1, max: 12 }), async ([tags, query], limit) => {
        const index = new SuggestIndex();
        await index.addList(tags, 'fuzz');
        const opts = { limit, datasetCounts: new Map(), recent: [], underscoresToSpaces: false };
        expect(index.suggest(query, opts)).toEqual(reference(tags, query, limit));
      }),
      { numRuns: 400 },
    );
  });
});
