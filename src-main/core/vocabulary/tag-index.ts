import type { ListTag, TagCategory } from './tag-list';
import { buildRowTable, type RowTable } from './row-table';
import { tagKey } from './tag-key';

/**
 * Every tag of every loaded list, merged by key (case and `_`/space ignored),
 * with the tables prefix and word-start searches run on and one string the
 * substring search runs on.
 */
export interface TagIndex {
  /** as the first list to hold the tag writes it */
  readonly names: readonly string[];
  readonly keys: readonly string[];
  /** the highest post count any list gives */
  readonly counts: Float64Array;
  /** the first category other than 'unknown' any list gives */
  readonly categories: readonly TagCategory[];
  readonly aliases: readonly (readonly string[])[];
  readonly aliasKeys: readonly (readonly string[])[];
  readonly byKey: ReadonlyMap<string, number>;
  /** whole keys and alias keys */
  readonly starts: RowTable;
  /** keys and alias keys from each word start after the first word */
  readonly words: RowTable;
  /** every key, most used first, joined by line breaks: one native indexOf scans them all */
  readonly haystack: string;
  /** where each key begins in `haystack`, and the entry it is */
  readonly haystackStarts: Int32Array;
  readonly haystackIds: Int32Array;
}

export interface NamedList {
  readonly source: string;
  readonly tags: readonly ListTag[];
}

/** tags between pauses: a pause point every millisecond or so */
const STEP = 4096;

/** shared by every tag without aliases, so 100,000 of them cost no arrays */
const NO_ALIASES: readonly string[] = Object.freeze([]);

/**
 * Builds the index over `lists`, earlier lists first. A generator so the
 * caller decides when to pause (see run-sliced): each `yield` is a point
 * where the event loop may run.
 */
export function* buildTagIndex(lists: readonly NamedList[]): Generator<void, TagIndex> {
  // sized once for the worst case (no tag shared): growing arrays of 140,000
  // items step by step costs more than the merge itself
  const most = lists.reduce((sum, list) => sum + list.tags.length, 0);
  const names = new Array<string>(most);
  const keys = new Array<string>(most);
  const counts = new Float64Array(most);
  const categories = new Array<TagCategory>(most);
  const aliases = new Array<readonly string[]>(most);
  const aliasKeys = new Array<readonly string[]>(most);
  const byKey = new Map<string, number>();

  let size = 0;
  let done = 0;
  for (const list of lists) {
    for (const tag of list.tags) {
      if (++done % STEP === 0) yield;
      const key = tagKey(tag.name);
      if (key === '') continue;
      let id = byKey.get(key);
      if (id === undefined) {
        id = size++;
        byKey.set(key, id);
        names[id] = tag.name.trim();
        keys[id] = key;
        counts[id] = tag.postCount;
        categories[id] = tag.category;
        aliases[id] = NO_ALIASES;
        aliasKeys[id] = NO_ALIASES;
      } else {
        counts[id] = Math.max(counts[id]!, tag.postCount);
        if (categories[id] === 'unknown') categories[id] = tag.category;
      }
      if (tag.aliases.length > 0) addAliases(id, key, tag.aliases, aliases, aliasKeys);
    }
  }
  for (const column of [names, keys, categories, aliases, aliasKeys]) column.length = size;

  // most used first, ties in list order; Danbooru's file is already in this
  // order, which the (stable, run-aware) sort makes nearly free
  const order = new Int32Array(size);
  for (let id = 0; id < size; id++) order[id] = id;
  order.sort((a, b) => counts[b]! - counts[a]! || a - b);
  yield;

  const starts = yield* buildRowTable('starts', order, { keys, aliasKeys });
  const words = yield* buildRowTable('words', order, { keys, aliasKeys });

  const haystackStarts = new Int32Array(size);
  const inOrder = new Array<string>(size);
  let at = 0;
  for (let i = 0; i < size; i++) {
    const key = keys[order[i]!]!;
    haystackStarts[i] = at;
    inOrder[i] = key;
    at += key.length + 1;
  }
  yield;

  return {
    names,
    keys,
    counts: counts.slice(0, size),
    categories,
    aliases,
    aliasKeys,
    byKey,
    starts,
    words,
    haystack: inOrder.join('\n'),
    haystackStarts,
    haystackIds: order,
  };
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
  aliases[id] = own;
  aliasKeys[id] = ownKeys;
}

/** Runs a generator to its end without pausing: for tests, benches and small lists. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
