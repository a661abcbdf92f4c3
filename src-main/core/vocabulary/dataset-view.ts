import { matchOwnTag, type OwnMatch, type OwnTag, type OwnTags } from './own-tags';
import type { TagIndex } from './tag-index';
import { MIN_INSIDE_QUERY, WORD_SEPARATORS } from './tag-key';

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
   * matches: once the list is full of start matches, most tags need no
   * matching at all.
   */
  couldTake(count: number): boolean {
    const worst = this.kept[this.limit - 1];
    return worst === undefined || worst.rank !== 0 || -count <= worst.order;
  }

  offer(m: OwnMatch): void {
    const worst = this.kept[this.limit - 1];
    // not better than the last kept: not better than a kept match of its own key either
    if (worst && datasetOrder(m, worst) >= 0) return;
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

/** before each tag's text in the haystack; queries never hold it (queryKey drops control characters) */
const TAG_BREAK = '\u0001';
/** what comes before a start or word-start match: a tag's start, an alias's start, a separator */
const BOUNDARIES = [TAG_BREAK, '\n', ...WORD_SEPARATORS];

/**
 * The dataset's tag names as of the last query, and their keys and alias keys
 * joined into one string. Each keystroke walks the map once, checking the
 * names are unchanged (identity compares, in order) and taking the counts;
 * then one native indexOf over the string finds the tags that contain the
 * query, and only those are looked at. An edit that only changes counts costs
 * nothing more; a tag added, removed or renamed rebuilds the view once.
 */
export class DatasetView {
  private counts: ReadonlyMap<string, number> | null = null;
  private index: TagIndex | null = null;
  private names: string[] = [];
  private tags: OwnTag[] = [];
  private now = new Float64Array(0);
  private starts = new Int32Array(1);
  private haystack = '';

  /** Takes the current counts; false when the names are not the ones the view was built on. */
  private takeCounts(counts: ReadonlyMap<string, number>, index: TagIndex): boolean {
    if (counts !== this.counts || index !== this.index || counts.size !== this.names.length) return false;
    let i = 0;
    for (const [name, count] of counts) {
      if (name !== this.names[i]) return false;
      this.now[i++] = count;
    }
    return true;
  }

  private rebuild(counts: ReadonlyMap<string, number>, index: TagIndex, own: OwnTags): void {
    this.counts = counts;
    this.index = index;
    this.names = [...counts.keys()];
    this.now = Float64Array.from(counts.values());
    this.tags = this.names.map((name) => own.lookup(index, name));
    this.starts = new Int32Array(this.tags.length + 1);
    this.starts[0] = 1;
    for (let i = 0; i < this.tags.length; i++) this.starts[i + 1] = this.starts[i]! + this.tags[i]!.search.length + 1;
    this.haystack = TAG_BREAK + this.tags.map((tag) => tag.search).join(TAG_BREAK);
  }

  /** which tag the character at `pos` belongs to */
  private slotAt(pos: number): number {
    let lo = 0;
    let hi = this.names.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * The best `limit` dataset tags for the query key `q`, in dataset order. A
   * one-letter query matches only at a start or a word start, so it looks
   * for the letter after each kind of boundary rather than at every tag
   * holding it somewhere.
   */
  best(counts: ReadonlyMap<string, number>, index: TagIndex, own: OwnTags, q: string, limit: number): readonly OwnMatch[] {
    if (!this.takeCounts(counts, index)) this.rebuild(counts, index, own);
    const best = new BestMatches(limit);
    const patterns = q.length >= MIN_INSIDE_QUERY ? [q] : BOUNDARIES.map((b) => b + q);
    for (const pattern of patterns) {
      const skip = pattern.length - q.length; // the boundary before the match
      let pos = this.haystack.indexOf(pattern);
      while (pos >= 0) {
        const slot = this.slotAt(pos + skip);
        const count = this.now[slot]!;
        if (count > 0 && best.couldTake(count)) {
          const m = matchOwnTag(index, this.names[slot]!, this.tags[slot]!, q, -count);
          if (m) best.offer(m);
        }
        pos = this.haystack.indexOf(pattern, this.starts[slot + 1]! - skip);
      }
    }
    return best.sorted();
  }
}
