/** entries a piece of text holds: 2^PIECE_SHIFT */
const PIECE_SHIFT = 12;
const PIECE_ENTRIES = 1 << PIECE_SHIFT;

/**
 * The text of a tag index, packed. Every entry's key and alias keys are in
 * a few long strings, each key ended by a line break, entry after entry,
 * PIECE_ENTRIES entries a piece: joining all of Danbooru's into one string
 * is more than one turn of the event loop, and one character outside
 * Latin-1 makes a whole string twice the size. Keys are numbered in order:
 * entry `id`'s key is string `first[id]`, its aliases' keys the strings
 * after it up to `first[id + 1]`. A list of 140,000 tags held as strings of
 * their own costs several times its characters in heap (a header each, the
 * array slots that point at them and, cut from the file's text, the whole
 * text they were cut from); a few strings and two integer arrays cost about
 * the characters.
 *
 * A tag or alias written otherwise than as its key ("Long Hair" for
 * long_hair) keeps that spelling beside, in `written`: nearly every tag of
 * Danbooru's list is written as its key.
 */
export class TagTexts {
  constructor(
    private readonly pieces: readonly string[],
    /** where each piece begins, counting every piece before it */
    private readonly pieceStart: Int32Array,
    /** where string s begins, counted the same way; one item more than the strings */
    private readonly start: Int32Array,
    /** entry id's first string (its key); one item more than the entries */
    private readonly first: Int32Array,
    /** the spelling of a string that is not its key, by string number */
    private readonly written: ReadonlyMap<number, string>,
  ) {}

  get size(): number {
    return this.first.length - 1;
  }

  aliasCount(id: number): number {
    return this.first[id + 1]! - this.first[id]! - 1;
  }

  /** the piece of text that holds entry id's strings */
  pieceOf(id: number): string {
    return this.pieces[id >>> PIECE_SHIFT]!;
  }

  /** the number of entry id's key (alias -1) or of its alias `alias` among all strings */
  private stringOf(id: number, alias: number): number {
    return this.first[id]! + 1 + alias;
  }

  /** where entry id's key (alias -1) or alias key `alias` begins in its piece */
  startIn(id: number, alias: number): number {
    return this.start[this.stringOf(id, alias)]! - this.pieceStart[id >>> PIECE_SHIFT]!;
  }

  /** where it ends in its piece (at its line break) */
  endIn(id: number, alias: number): number {
    return this.start[this.stringOf(id, alias) + 1]! - 1 - this.pieceStart[id >>> PIECE_SHIFT]!;
  }

  /** entry id's key (alias -1) or the key of its alias `alias` */
  key(id: number, alias = -1): string {
    return this.pieceOf(id).slice(this.startIn(id, alias), this.endIn(id, alias));
  }

  /** entry id's name (alias -1) or its alias `alias`, as the first list to give it writes it */
  spelling(id: number, alias = -1): string {
    return this.written.get(this.stringOf(id, alias)) ?? this.key(id, alias);
  }

  aliasKeys(id: number): string[] {
    const keys: string[] = [];
    for (let a = 0; a < this.aliasCount(id); a++) keys.push(this.key(id, a));
    return keys;
  }

  /** whether entry id's key is `key`, read in place */
  keyIs(id: number, key: string): boolean {
    const from = this.startIn(id, -1);
    return this.endIn(id, -1) - from === key.length && this.pieceOf(id).startsWith(key, from);
  }

  /**
   * Whether entry id's key or alias key, from `offset` on, starts with
   * `query`, read in place. A query holds no line break, so it never
   * matches across two keys.
   */
  startsWithAt(id: number, alias: number, offset: number, query: string): boolean {
    return this.pieceOf(id).startsWith(query, this.startIn(id, alias) + offset);
  }
}

/** The columns a build fills, entry by entry, until they are packed. */
export interface TextColumns {
  /** as the first list to hold the tag writes it */
  readonly names: readonly string[];
  readonly keys: readonly string[];
  readonly aliases: readonly (readonly string[])[];
  readonly aliasKeys: readonly (readonly string[])[];
}

/** Packs the first `size` entries of `columns` into TagTexts; each `yield` is a point where the event loop may run. */
export function* packTexts(size: number, columns: TextColumns): Generator<void, TagTexts> {
  const { names, keys, aliases, aliasKeys } = columns;
  let strings = 0;
  for (let id = 0; id < size; id++) strings += 1 + aliasKeys[id]!.length;
  const start = new Int32Array(strings + 1);
  const first = new Int32Array(size + 1);
  const written = new Map<number, string>();
  const pieces: string[] = [];
  const pieceStart = new Int32Array(Math.ceil(size / PIECE_ENTRIES));
  let s = 0;
  let at = 0;
  for (let from = 0; from < size; from += PIECE_ENTRIES) {
    yield;
    pieceStart[pieces.length] = at;
    const piece: string[] = [];
    const put = (key: string, spelling: string): void => {
      if (spelling !== key) written.set(s, spelling);
      piece.push(key);
      start[s++] = at;
      at += key.length + 1;
    };
    for (let id = from; id < Math.min(size, from + PIECE_ENTRIES); id++) {
      first[id] = s;
      put(keys[id]!, names[id]!);
      const own = aliasKeys[id]!;
      for (let a = 0; a < own.length; a++) put(own[a]!, aliases[id]![a]!);
    }
    // a flat string of its own, holding on to none of the strings it was made from
    piece.push('');
    pieces.push(piece.join('\n'));
  }
  first[size] = s;
  start[s] = at;
  return new TagTexts(pieces, pieceStart, start, first, written);
}
