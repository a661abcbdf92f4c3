/**
 * Rows of values (numbers, strings, null) as a few columns for a trip
 * between threads (a page of the index's list to main, a scan thread's
 * caption reads to the index thread): every number in one Float64Array, every string
 * in one run of bytes with each one's length beside it. A 100,000-image list as
 * rows was two million values for the structured clone to write and read
 * one by one, and 100,000 caption texts of their own that main's collector
 * copied twice as they survived; as columns it is a few large objects, and
 * each text on main a small slice of its page's string.
 *
 * The strings cross as bytes, not as one joined string. A string of
 * megabytes is made in memory the process has never touched, and so is its
 * clone on the other side; on a virtual machine each fresh page costs a
 * fault dearer than copying it. The bytes are written into a buffer this
 * thread keeps and cross in memory malloc hands out again page after page;
 * the other side reads them back as one string (Node keeps a large
 * Latin-1 one outside V8's heap, in such memory too).
 */
export interface PackedRows {
  count: number;
  numbers: Float64Array;
  /** every string value, one after another, as `encoding` writes them */
  strings: Uint8Array;
  /**
   * latin1: every string was ASCII, read back byte for byte; utf8: some
   * were not; utf16le: one held half a surrogate pair, which UTF-8 cannot
   * carry and which must come back as it went
   */
  encoding: 'latin1' | 'utf8' | 'utf16le';
  /** per string value, its length in UTF-16 code units; NULL_STRING for null */
  lengths: Uint32Array;
}

const NULL_STRING = 0xffffffff;

/** half of a surrogate pair without the other */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Which values of a row are strings (or null); the rest are numbers (or
 * null). `fewAt`: string columns with a handful of values (an encoding, a
 * format), given one copy of each on unpacking rather than a string per row
 * for main to keep.
 */
export class RowShape {
  private readonly isString: boolean[];
  private readonly isFew: boolean[];
  private readonly stringCount: number;
  /** where a page's strings are written before their copy crosses: kept, so its memory is touched once */
  private scratch = Buffer.alloc(0);

  constructor(
    readonly width: number,
    stringAt: readonly number[],
    fewAt: readonly number[] = [],
  ) {
    this.isString = Array.from({ length: width }, (_, i) => stringAt.includes(i));
    this.isFew = Array.from({ length: width }, (_, i) => fewAt.includes(i));
    this.stringCount = stringAt.length;
  }

  pack(rows: readonly (readonly unknown[])[]): PackedRows {
    const numbers = new Float64Array(rows.length * (this.width - this.stringCount));
    const lengths = new Uint32Array(rows.length * this.stringCount);
    const strings: string[] = [];
    let n = 0;
    let s = 0;
    for (const row of rows) {
      for (let i = 0; i < this.width; i++) {
        const value = row[i];
        if (this.isString[i]) {
          if (value === null || value === undefined) lengths[s++] = NULL_STRING;
          else {
            lengths[s++] = (value as string).length;
            strings.push(value as string);
          }
        } else numbers[n++] = value === null || value === undefined ? NaN : (value as number);
      }
    }
    return { count: rows.length, numbers, lengths, ...this.encode(strings) };
  }

  /** the strings as bytes: UTF-8 (ASCII almost always), or UTF-16 for a string UTF-8 cannot carry */
  private encode(strings: readonly string[]): Pick<PackedRows, 'strings' | 'encoding'> {
    let bytes = 0;
    let ascii = true;
    for (const str of strings) {
      // a UTF-16 code unit is at most 3 bytes of UTF-8
      if (this.scratch.length < bytes + 3 * str.length) this.grow(bytes + 3 * str.length, bytes);
      const written = this.scratch.write(str, bytes, 'utf8');
      if (written !== str.length) {
        ascii = false;
        if (LONE_SURROGATE.test(str)) return { strings: exactCopy(Buffer.from(strings.join(''), 'utf16le')), encoding: 'utf16le' };
      }
      bytes += written;
    }
    return { strings: exactCopy(this.scratch.subarray(0, bytes)), encoding: ascii ? 'latin1' : 'utf8' };
  }

  /** room for `needed` bytes, keeping the `used` written so far */
  private grow(needed: number, used: number): void {
    const larger = Buffer.allocUnsafe(Math.max(needed, 2 * this.scratch.length, 64 * 1024));
    this.scratch.copy(larger, 0, 0, used);
    this.scratch = larger;
  }

  /**
   * The rows again, each handed to `build` as it is read: one array is
   * filled for every row in turn, so the rows make no garbage of their own
   * (`build` copies out what it keeps): a reopen of 100,000 images would
   * otherwise leave main's collector 100,000 arrays of twenty values.
   */
  unpack<T>({ count, numbers, strings: bytes, encoding, lengths }: PackedRows, build: (row: readonly unknown[]) => T): T[] {
    const strings = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
    const built: T[] = new Array(count);
    const row: unknown[] = new Array(this.width);
    const few = new Map<string, string>();
    let n = 0;
    let s = 0;
    let at = 0;
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < this.width; i++) {
        if (this.isString[i]) {
          const length = lengths[s++]!;
          if (length === NULL_STRING) row[i] = null;
          else {
            const value = strings.slice(at, at + length);
            at += length;
            if (!this.isFew[i]) row[i] = value;
            else {
              const one = few.get(value);
              if (one === undefined) few.set(value, value);
              row[i] = one ?? value;
            }
          }
        } else {
          const value = numbers[n++]!;
          // a whole number as a small integer: read from a Float64Array it is a boxed double, which
          // made every object that keeps it (an image's size, order, width) keep a box of its own
          row[i] = Number.isNaN(value) ? null : (value | 0) === value ? value | 0 : value;
        }
      }
      built[r] = build(row);
    }
    return built;
  }
}

/** these bytes in an ArrayBuffer of their own: a view crosses with the whole buffer under it (the scratch, or Buffer's shared pool) */
const exactCopy = (bytes: Uint8Array): Uint8Array => new Uint8Array(bytes);
