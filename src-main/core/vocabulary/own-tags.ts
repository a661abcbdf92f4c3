import type { TagIndex } from './tag-index';
import { MatchRank, matchRank, tagKey } from './tag-key';

/** a dataset or recent tag that matched the query, before ranking */
export interface OwnMatch {
  /** as the dataset or recent list writes it */
  name: string;
  key: string;
  rank: MatchRank;
  /** where it goes among matches of equal rank: lower first */
  order: number;
  /** its entry in the index, when a list knows it */
  id: number | undefined;
  aliasOf: string | undefined;
}

/** What the index knows about one tag as the user's dataset writes it. */
export interface OwnTag {
  key: string;
  id: number | undefined;
  /** the key and its alias keys joined by line breaks: one indexOf rules out most tags */
  search: string;
}

/** past this many remembered spellings the memo starts over: dataset tags come and go */
const MEMO_LIMIT = 200_000;

/**
 * Matches the dataset's and the recent tags against a query. What does not
 * change between keystrokes (the key, the list entry and its aliases) is
 * worked out once per spelling: looking a tag up in a 140,000-entry map on
 * every keystroke costs more than the match itself.
 */
export class OwnTags {
  private readonly memo = new Map<string, OwnTag>();
  /** the index the memo was read from: a rebuilt index (a list added or removed) starts it over */
  private memoIndex: TagIndex | null = null;

  /** What the index knows about `name`, remembered until the index is rebuilt. */
  lookup(index: TagIndex, name: string): OwnTag {
    if (index !== this.memoIndex || this.memo.size >= MEMO_LIMIT) {
      this.memo.clear();
      this.memoIndex = index;
    }
    let tag = this.memo.get(name);
    if (tag) return tag;
    const key = tagKey(name);
    const id = key === '' ? undefined : index.byKey.get(key);
    const aliasKeys = id === undefined ? [] : index.texts.aliasKeys(id);
    tag = { key, id, search: aliasKeys.length === 0 ? key : [key, ...aliasKeys].join('\n') };
    this.memo.set(name, tag);
    return tag;
  }

  /** How `name` matches the query key `q`: by its own text, or by an alias the lists give it. */
  match(index: TagIndex, name: string, q: string, order: number): OwnMatch | null {
    return matchOwnTag(index, name, this.lookup(index, name), q, order);
  }
}

/** `match` for a tag already looked up (in the same index). */
export function matchOwnTag(index: TagIndex, name: string, tag: OwnTag, q: string, order: number): OwnMatch | null {
  const { key, id, search } = tag;
  if (key === '' || !search.includes(q)) return null;
  let rank = matchRank(key, q);
  let aliasOf: string | undefined;
  if (rank !== MatchRank.start && id !== undefined) {
    const aliasCount = index.texts.aliasCount(id);
    for (let a = 0; a < aliasCount; a++) {
      const r = matchRank(index.texts.key(id, a), q);
      // as in the list search: an alias counts at its start or a word start, never inside
      if (r < rank && r !== MatchRank.inside) {
        rank = r;
        aliasOf = index.texts.spelling(id, a);
      }
    }
  }
  return rank === MatchRank.none ? null : { name, key, rank, order, id, aliasOf };
}
