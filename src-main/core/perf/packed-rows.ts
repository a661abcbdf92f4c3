/**
 * Rows of values (numbers, strings, null) as a few columns for a trip
 * between threads (a page of the index's list to main, a scan thread's
 * caption reads to the index thread): every number in one Float64Array, every string
 * in one string with each one's length beside it. A 100,000-image list as
 * rows was two million values for the structured clone to write and read
 * one by one, and 100,000 caption texts of their own that main's collector
 * copied twice as they survived; as columns it is a few large objects, and
 * each text on main a small slice of its page's string.
 */
export interface PackedRows {
  count: number;
  numbers: Float64Array;
  strings: string;
  /** per string value, its length; NULL_STRING for null */
  lengths: Uint32Array;
}

const NULL_STRING = 0xffffffff;

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
    return { count: rows.length, numbers, strings: strings.join(''), lengths };
  }

  /**
   * The rows again, each handed to `build` as it is read: one array is
   * filled for every row in turn, so the rows make no garbage of their own
   * (`build` copies out what it keeps): a reopen of 100,000 images would
   * otherwise leave main's collector 100,000 arrays of twenty values.
   */
  unpack<T>({ count, numbers, strings, lengths }: PackedRows, build: (row: readonly unknown[]) => T): T[] {
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
          row[i] = Number.isNaN(value) ? null : value;
        }
      }
      built[r] = build(row);
    }
    return built;
  }
}
