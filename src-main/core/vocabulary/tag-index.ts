import { AppError } from '../app-error';
import { NO_ALIASES, type ListTag, type TagCategory } from './tag-list';
import type { TagSource } from './tag-source';
import { buildRowTable, type RowTable } from './row-table';
import { tagKey } from './tag-key';
import { KeyTable, keysColumn } from './key-table';
import { packTexts, type TagTexts } from './tag-texts';
import { sortNumbersInSteps } from '../perf/sort-sliced';

/** a category by its code in `TagIndex.categories` */
const CATEGORIES: readonly TagCategory[] = ['unknown', 'general', 'artist', 'copyright', 'character', 'meta'];
const CODE_OF = new Map(CATEGORIES.map((category, code) => [category, code]));
const UNKNOWN = 0;

/**
 * Every tag of every loaded list, merged by key (case and `_`/space ignored),
 * with the tables prefix and word-start searches run on and one string the
 * substring search runs on. Kept in typed arrays and a few long strings: the
 * index lives as long as the app, beside a dataset of 100,000 images.
 */
export interface TagIndex {
  /** each entry's key, name and aliases */
  readonly texts: TagTexts;
  /** the highest post count any list gives */
  readonly counts: Float64Array;
  /** the first category other than 'unknown' any list gives, as a code (see categoryOf) */
  readonly categories: Uint8Array;
  /** entry ids by key */
  readonly byKey: KeyTable;
  /** whole keys and alias keys */
  readonly starts: RowTable;
  /** keys and alias keys from each word start after the first word */
  readonly words: RowTable;
  /**
   * the keys the substring search covers (INSIDE_SEARCH_PER_LIST of each list),
   * most used first, joined by line breaks: one native indexOf scans them all
   */
  readonly haystack: string;
  /** where each key begins in `haystack`, and the entry it is */
  readonly haystackStarts: Int32Array;
  readonly haystackIds: Int32Array;
  /** how many tags each list gave, by source */
  readonly listSizes: ReadonlyMap<string, number>;
}

export const categoryOf = (index: TagIndex, id: number): TagCategory => CATEGORIES[index.categories[id]!]!;

export interface NamedList {
  readonly source: string;
  readonly list: TagSource;
}

/** tags between pause points: a fraction of a millisecond (runSliced pauses only once a slice is due) */
const STEP = 512;

/**
 * How many of each list's most used tags the substring search covers. A rare
 * substring costs one scan of all of them, and past this point Danbooru's
 * tags have ~120 posts or fewer; such tags are still found by their start or
 * a word start. A list the user imports is usually far smaller, so all of it
 * is covered.
 */
export const INSIDE_SEARCH_PER_LIST = 50_000;

/**
 * Builds the index over `lists`, earlier lists first. A generator so the
 * caller decides when to pause (see perf/time-slicer): each `yield` is a point
 * where the event loop may run.
 */
export function* buildTagIndex(lists: readonly NamedList[]): Generator<void, TagIndex> {
  // sized once for the worst case (no tag shared): growing arrays of 140,000
  // items step by step costs more than the merge itself. A pause point after
  // each: fresh memory is slow to touch on small virtual machines, and the six
  // together are more than one turn of the event loop there.
  const most = lists.reduce((sum, named) => sum + named.list.most, 0);
  const names = new Array<string>(most);
  yield;
  const keys = new Array<string>(most);
  yield;
  const counts = new Float64Array(most);
  yield;
  const categories = new Uint8Array(most);
  yield;
  const aliases = new Array<readonly string[]>(most);
  yield;
  const aliasKeys = new Array<readonly string[]>(most);
  yield;
  const byKey = new KeyTable(most, keysColumn(keys));
  yield;

  const searchedInside = new Uint8Array(most);
  let size = 0;

  /** files a tag under its key: a new entry, or the highest count and first known category of one */
  const add = (key: string, tag: ListTag): number => {
    let id = byKey.get(key);
    if (id === undefined) {
      id = size++;
      keys[id] = key;
      byKey.add(id, key);
      names[id] = tag.name.trim();
      counts[id] = tag.postCount;
      categories[id] = CODE_OF.get(tag.category) ?? UNKNOWN;
      aliases[id] = NO_ALIASES;
      aliasKeys[id] = NO_ALIASES;
    } else {
      counts[id] = Math.max(counts[id]!, tag.postCount);
      if (categories[id] === UNKNOWN) categories[id] = CODE_OF.get(tag.category) ?? UNKNOWN;
    }
    if (tag.aliases.length > 0) addAliases(id, key, tag.aliases, aliases, aliasKeys);
    return id;
  };

  let done = 0;
  const listSizes = new Map<string, number>();
  for (const { source, list } of lists) {
    // each tag's entry, and its post count in this list: what picks the list's most used
    const listIds = new Int32Array(list.most).fill(-1);
    const listCounts = new Float64Array(list.most);
    let t = 0;
    for (const part of list.parts()) {
      if (t + part.tags.length > list.most) throw new AppError('internal', `The tag list ${source} gave more than the ${list.most} tags it said it held`);
      for (const tag of part.tags) {
        if (++done % STEP === 0) yield;
        listCounts[t] = tag.postCount;
        const key = tagKey(tag.name);
        if (key !== '') listIds[t] = add(key, tag);
        t++;
      }
      yield;
    }
    listSizes.set(source, t);
    yield* markMostUsed(listCounts.subarray(0, t), listIds, searchedInside);
    yield;
  }
  const texts = yield* packTexts(size, { names, keys, aliases, aliasKeys });

  const order = Int32Array.from(yield* byUse(size, (id) => counts[id]!));
  yield;

  const starts = yield* buildRowTable('starts', order, texts);
  const words = yield* buildRowTable('words', order, texts);

  const haystackIds = order.filter((id) => searchedInside[id] === 1);
  const haystackStarts = new Int32Array(haystackIds.length);
  const inOrder = new Array<string>(haystackIds.length);
  let at = 0;
  for (let i = 0; i < haystackIds.length; i++) {
    if (i % STEP === 0) yield;
    const key = keys[haystackIds[i]!]!;
    haystackStarts[i] = at;
    inOrder[i] = key;
    at += key.length + 1;
  }
  yield;

  return {
    texts,
    counts: counts.slice(0, size),
    categories: categories.slice(0, size),
    byKey: byKey.readingFrom(texts),
    starts,
    words,
    haystack: inOrder.join('\n'),
    haystackStarts,
    haystackIds,
    listSizes,
  };
}

/**
 * 0..n-1, most used first, ties in index order. A plain array on purpose: its
 * sort finds the runs in input that is already in order (Danbooru's file is),
 * where a typed array's sort with a comparator takes several times longer.
 * A pause point between its passes: over Danbooru's 140,000 tags the three
 * together are more than one turn, and the build runs beside an open folder.
 */
function* byUse(n: number, count: (i: number) => number): Generator<void, ArrayLike<number>> {
  // whole counts (post counts always are): one native sort of numbers, a tenth of a comparator sort's
  // time on 140,000 tags, with "most used first, then earlier first" packed into each number
  let most = 0;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const c = count(i);
    if (!Number.isInteger(c) || c < 0) whole = false;
    else if (c > most) most = c;
  }
  yield;
  if (whole && Number.isSafeInteger((most + 1) * n)) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (most - count(i)) * n + i;
    yield;
    yield* sortNumbersInSteps(packed);
    const order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[k] = packed[k]! % n;
    return order;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => count(b) - count(a) || a - b);
}

/** Marks the entries of a list's INSIDE_SEARCH_PER_LIST most used tags (by that list's own counts). */
function* markMostUsed(postCounts: Float64Array, ids: Int32Array, marked: Uint8Array): Generator<void, void> {
  let chosen: ArrayLike<number> = ids;
  if (postCounts.length > INSIDE_SEARCH_PER_LIST) {
    const order = yield* byUse(postCounts.length, (t) => postCounts[t]!);
    chosen = Int32Array.from({ length: INSIDE_SEARCH_PER_LIST }, (_, k) => ids[order[k]!]!);
  }
  for (let i = 0; i < chosen.length; i++) if (chosen[i]! >= 0) marked[chosen[i]!] = 1;
}

/** Adds a tag's aliases to entry `id`, skipping its own key and aliases it already has. */
function addAliases(
  id: number,
  key: string,
  more: readonly string[],
  aliases: (readonly string[])[],
  aliasKeys: (readonly string[])[],
): void {
  const own = [...aliases[id]!];
  const ownKeys = [...aliasKeys[id]!];
  for (const alias of more) {
    const aliasKey = tagKey(alias);
    if (aliasKey === '' || aliasKey === key || ownKeys.includes(aliasKey)) continue;
    own.push(alias.trim());
    ownKeys.push(aliasKey);
  }
  // Danbooru writes nearly every alias as its key already: one array then serves as both,
  // rather than a second array per tag with aliases; neither is changed once built
  const same = own.every((alias, a) => alias === ownKeys[a]);
  aliases[id] = own;
  aliasKeys[id] = same ? own : ownKeys;
}

/** Runs a generator to its end without pausing: for tests, benches and small lists. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
