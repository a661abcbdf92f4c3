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
interface OwnTag {
  key: string;
  id: number | undefined;
  /** the key and its alias keys joined by line breaks: one indexOf rules out most tags */
  search: string;
}

/** past this many remembered spellings the memo starts over: dataset tags come and go */
const MEMO_LIMIT = 200_000;

/**
 * Matches the dataset's and the recent tags against a query. A dataset can
 * hold thousands of distinct tags and every keystroke checks them all, so
 * what does not change between keystrokes (the key, the list entry and its
 * aliases) is worked out once per spelling: looking a tag up in a
 * 140,000-entry map on every keystroke costs more than the match itself.
 */
export class OwnTags {
  private readonly memo = new Map<string, OwnTag>();
  /** the index the memo was read from: a rebuilt index (a list added or removed) starts it over */
  private memoIndex: TagIndex | null = null;

  private lookup(index: TagIndex, name: string): OwnTag {
    if (index !== this.memoIndex || this.memo.size >= MEMO_LIMIT) {
      this.memo.clear();
      this.memoIndex = index;
    }
    let tag = this.memo.get(name);
    if (tag) return tag;
    const key = tagKey(name);
    const id = key === '' ? undefined : index.byKey.get(key);
    const aliasKeys = id === undefined ? [] : index.aliasKeys[id]!;
    tag = { key, id, search: aliasKeys.length === 0 ? key : [key, ...aliasKeys].join('\n') };
    this.memo.set(name, tag);
    return tag;
  }

  /** How `name` matches the query key `q`: by its own text, or by an alias the lists give it. */
  match(index: TagIndex, name: string, q: string, order: number): OwnMatch | null {
    const { key, id, search } = this.lookup(index, name);
    if (key === '' || !search.includes(q)) return null;
    let rank = matchRank(key, q);
    let aliasOf: string | undefined;
    if (rank !== MatchRank.start && id !== undefined) {
      const aliasKeys = index.aliasKeys[id]!;
      for (let a = 0; a < aliasKeys.length; a++) {
        const r = matchRank(aliasKeys[a]!, q);
        // as in the list search: an alias counts at its start or a word start, never inside
        if (r < rank && r !== MatchRank.inside) {
          rank = r;
          aliasOf = index.aliases[id]![a];
        }
      }
    }
    return rank === MatchRank.none ? null : { name, key, rank, order, id, aliasOf };
  }
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** dataset order: better match first, then more used (order is minus the count), then by name */
export const datasetOrder = (a: OwnMatch, b: OwnMatch): number =>
  a.rank - b.rank || a.order - b.order || byCodeUnits(a.name, b.name);

/**
 * The best `limit` dataset matches, one per key, without sorting every match:
 * a one-letter query can match most of a dataset's thousands of tags while
 * only a dozen are shown.
 */
export class BestMatches {
  private readonly kept: OwnMatch[] = [];

  constructor(private readonly limit: number) {}

  /**
   * Whether a tag used `count` times could still make the list, whatever it
   * matches: lets the caller skip matching most tags once the list is full
   * of start matches.
   */
  couldTake(count: number): boolean {
    const worst = this.kept[this.limit - 1];
    return worst === undefined || worst.rank !== 0 || -count <= worst.order;
  }

  offer(m: OwnMatch): void {
    const same = this.kept.findIndex((k) => k.key === m.key);
    if (same >= 0) {
      if (datasetOrder(m, this.kept[same]!) >= 0) return;
      this.kept.splice(same, 1);
    } else if (this.kept.length === this.limit) {
      if (datasetOrder(m, this.kept[this.limit - 1]!) >= 0) return;
      this.kept.pop();
    }
    let at = this.kept.length;
    while (at > 0 && datasetOrder(m, this.kept[at - 1]!) < 0) at--;
    this.kept.splice(at, 0, m);
  }

  sorted(): readonly OwnMatch[] {
    return this.kept;
  }
}
