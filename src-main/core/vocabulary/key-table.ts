/** a table this full or less: probes stay short */
const MAX_LOAD = 0.7;

/** Where a key table reads its keys: it keeps ids only. */
export interface KeyColumn {
  /** whether entry `id`'s key is `key` */
  keyIs(id: number, key: string): boolean;
}

/** a column over an array of keys, read as it is filled */
export const keysColumn = (keys: readonly string[]): KeyColumn => ({ keyIs: (id, key) => keys[id] === key });

/**
 * Entry ids by tag key for the tag index: one Int32Array of slots (open
 * addressing, linear probing), sized once for the most keys a build can
 * have, so it never grows: a Map holds several times the heap for the same
 * keys, and one that grows rehashes its whole table in one step, too long a
 * turn at Danbooru's 140,000 keys. The keys themselves are read from a
 * column (the build's array of keys, then the packed texts), not copied.
 */
export class KeyTable {
  /** an entry's id + 1; 0 is an empty slot */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(
    most: number,
    private readonly column: KeyColumn,
    shared?: Int32Array,
  ) {
    let size = 8;
    while (size * MAX_LOAD < most) size *= 2;
    this.slots = shared ?? new Int32Array(size);
    this.mask = this.slots.length - 1;
  }

  /** the same ids by the same keys, read from another column that holds each id's key */
  readingFrom(column: KeyColumn): KeyTable {
    return new KeyTable(0, column, this.slots);
  }

  get(key: string): number | undefined {
    for (let s = hash(key) & this.mask; ; s = (s + 1) & this.mask) {
      const held = this.slots[s]!;
      if (held === 0) return undefined;
      if (this.column.keyIs(held - 1, key)) return held - 1;
    }
  }

  /** Files entry `id` under `key`, its key in the column, which must not be in the table yet. */
  add(id: number, key: string): void {
    let s = hash(key) & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = id + 1;
  }
}

/** FNV-1a over UTF-16 code units */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
