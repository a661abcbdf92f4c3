import { runSliced } from '../perf/time-slicer';
import { buildTagIndex, categoryOf, runToEnd, type NamedList, type TagIndex } from './tag-index';
import { DatasetView } from './dataset-view';
import { OwnTags, type OwnMatch } from './own-tags';
import { MIN_INSIDE_QUERY, insertionText, queryKey } from './tag-key';
import type { TagCategory } from './tag-list';
import type { TagSource } from './tag-source';
import { insideHits, prefixHits, type Hit } from './tag-search';

export type SuggestionSource = 'dataset' | 'recent' | 'list';

export interface Suggestion {
  /** what to insert */
  name: string;
  category: TagCategory;
  /** the dataset count if the tag is used in this dataset, else its post count */
  count: number;
  source: SuggestionSource;
  /** set when the query matched an alias: `name` is the main tag, this is the alias */
  aliasOf?: string;
}

/** a kept list's tags, to be read again; null when the list cannot be read */
export type RereadList = () => Promise<TagSource | null>;

interface KeptList {
  readonly source: string;
  readonly reread: RereadList;
}

export interface SuggestOptions {
  limit: number;
  /** every tag of the dataset as written, with how many images carry it */
  datasetCounts: ReadonlyMap<string, number>;
  /** tags the user inserted lately, most recent first */
  recent: readonly string[];
  /** insert list tags as "long hair" rather than `long_hair`; dataset tags are always inserted as written */
  underscoresToSpaces: boolean;
}

/**
 * Autocomplete over the tag lists (the shipped Danbooru list first, then the
 * lists the user imports) and the dataset's own tags. Ranking: tags used in
 * this dataset (most used first), then recent tags (most recent first), then
 * list tags (highest post count first); within each, matches at the start of
 * the tag, then at the start of a word, then anywhere (two or more
 * characters). One tag is suggested once, in the highest place it earns.
 *
 * Adding or removing a list rebuilds the whole merged index in slices off the
 * event loop's critical path; queries keep using the previous index until the
 * new one is complete.
 */
export class SuggestIndex {
  private lists: KeptList[] = [];
  private index: TagIndex = runToEnd(buildTagIndex([]));
  private wanted = 0;
  private stopped = false;
  private latest: Promise<void> = Promise.resolve();
  private readonly own = new OwnTags();
  private readonly dataset = new DatasetView();

  /**
   * Loads a list, replacing any list of the same source; resolves once
   * suggestions use it. The index keeps no parsed copy of a list once it is
   * built (a list's ListTags hold several times the heap of the packed
   * index), and reads even this one a part at a time: should another list
   * come or go, it asks `reread` for the tags again.
   */
  addList(list: TagSource, source: string, reread: RereadList): Promise<void> {
    const kept: KeptList = { source, reread };
    const at = this.lists.findIndex((l) => l.source === source);
    this.lists = at < 0 ? [...this.lists, kept] : this.lists.map((l, i) => (i === at ? kept : l));
    return this.rebuild({ source, list });
  }

  /** Drops a list; false when no list has that source. Resolves once suggestions no longer use it. */
  async removeList(source: string): Promise<boolean> {
    const kept = this.lists.filter((l) => l.source !== source);
    if (kept.length === this.lists.length) return false;
    this.lists = kept;
    await this.rebuild(null);
    return true;
  }

  /** sources of the loaded lists, in ranking order (earlier lists name a shared tag) */
  sources(): string[] {
    return this.lists.map((l) => l.source);
  }

  /** distinct tags in the index suggestions currently use */
  get size(): number {
    return this.index.texts.size;
  }

  /** how many tags a list gave the index suggestions currently use; 0 for a list not in it */
  tagsOf(source: string): number {
    return this.index.listSizes.get(source) ?? 0;
  }

  /** builds under way stop, and none starts: the app is closing */
  stop(): void {
    this.stopped = true;
  }

  /** a new index over every kept list: `fresh` as given, the others read again */
  private rebuild(fresh: NamedList | null): Promise<void> {
    const ticket = ++this.wanted;
    const stillWanted = (): boolean => ticket === this.wanted && !this.stopped;
    // overtaken by a later change (which set `latest`): settle when that one does; stopped: now
    const settle = (): Promise<void> | undefined => (this.stopped ? undefined : this.latest);
    const lists = this.lists;
    const build = (async (): Promise<void> => {
      const named: NamedList[] = [];
      for (const list of lists) {
        const tags = list.source === fresh?.source ? fresh.list : await list.reread();
        if (!stillWanted()) return settle();
        // a list that cannot be read again drops out of suggestions, not the others with it
        if (tags) named.push({ source: list.source, list: tags });
      }
      const index = await runSliced(buildTagIndex(named), stillWanted, { background: true });
      if (index && stillWanted()) this.index = index;
      else return settle();
    })();
    this.latest = build;
    return build;
  }

  suggest(query: string, opts: SuggestOptions): Suggestion[] {
    const q = queryKey(query);
    const limit = Math.floor(opts.limit);
    const out: Suggestion[] = [];
    if (q === '' || !(limit > 0)) return out;
    const seen = new Set<string>();
    const emit = (s: Suggestion, key: string): boolean => {
      if (seen.has(key)) return out.length < limit;
      seen.add(key);
      out.push(s);
      return out.length < limit;
    };

    for (const m of this.dataset.best(opts.datasetCounts, this.index, this.own, q, limit)) {
      if (!emit(this.ownSuggestion(m, 'dataset', -m.order), m.key)) return out;
    }

    const recent: OwnMatch[] = [];
    opts.recent.forEach((name, i) => {
      const m = this.own.match(this.index, name, q, i);
      if (m) recent.push(m);
    });
    recent.sort((a, b) => a.rank - b.rank || a.order - b.order);
    for (const m of recent) {
      const inDataset = opts.datasetCounts.get(m.name) ?? 0;
      const count = inDataset > 0 ? inDataset : m.id === undefined ? 0 : this.index.counts[m.id]!;
      if (!emit(this.ownSuggestion(m, 'recent', count), m.key)) return out;
    }

    const ix = this.index;
    const accept = (id: number): boolean => !seen.has(ix.texts.key(id));
    const phases: ((need: number) => Hit[])[] = [
      (need) => prefixHits(ix, ix.starts, q, need, accept),
      (need) => prefixHits(ix, ix.words, q, need, accept),
    ];
    if (q.length >= MIN_INSIDE_QUERY) phases.push((need) => insideHits(ix, q, need, accept));
    for (const phase of phases) {
      for (const { id, alias } of phase(limit - out.length)) {
        const s: Suggestion = {
          name: insertionText(ix.texts.spelling(id), opts.underscoresToSpaces),
          category: categoryOf(ix, id),
          count: ix.counts[id]!,
          source: 'list',
        };
        if (alias >= 0) s.aliasOf = ix.texts.spelling(id, alias);
        if (!emit(s, ix.texts.key(id))) return out;
      }
    }
    return out;
  }

  private ownSuggestion(m: OwnMatch, source: SuggestionSource, count: number): Suggestion {
    const s: Suggestion = {
      name: m.name,
      category: m.id === undefined ? 'unknown' : categoryOf(this.index, m.id),
      count,
      source,
    };
    if (m.aliasOf !== undefined) s.aliasOf = m.aliasOf;
    return s;
  }
}
