import { describe, expect, it } from 'vitest';
import { RowShape } from '../../../../src-main/core/perf/packed-rows';

describe('rows packed in columns for the trip from the index thread', () => {
  it('come back as they went: numbers, nulls, empty and non-Latin-1 strings, in order, a column of few values too', () => {
    const shape = new RowShape(4, [1, 3], [3]);
    const rows = [
      [1, 'a.png', 0.5, 'red, blue'],
      [2, '', null, null],
      [null, 'ü/日本.png', -3, '猫, 🐈, ok'],
      [1e15 + 0.25, 'x'.repeat(20), 0, ''],
      [5, 'b.png', 1, 'red, blue'],
    ];
    const packed = structuredClone(shape.pack(rows));
    expect(packed.count).toBe(5);
    // each row is handed over in one reused array: a builder copies out what it keeps
    expect(shape.unpack(packed, (row) => [...row])).toEqual(rows);
    expect(shape.unpack(packed, (row) => row[1])).toEqual(rows.map((row) => row[1]));
  });

  it('carries half a surrogate pair, which UTF-8 cannot, exactly as it was', () => {
    const shape = new RowShape(2, [0, 1]);
    const rows = [
      ['ok', 'caf\u00e9'],
      ['a\ud800b', '\udc00 alone'],
      ['\ud83d\udc08 whole', 'end \ud83d'],
    ];
    const packed = structuredClone(shape.pack(rows));
    expect(packed.encoding).toBe('utf16le');
    expect(shape.unpack(packed, (row) => [...row])).toEqual(rows);
  });

  it('sends each page its own bytes, ASCII ones read back as they are, after a larger page too', () => {
    const shape = new RowShape(1, [0]);
    const big = shape.pack(Array.from({ length: 2000 }, (_, i) => [`large page ${i} ü`]));
    expect(big.encoding).toBe('utf8');
    const small = shape.pack([['tag one, tag two'], [''], ['x']]);
    expect(small.encoding).toBe('latin1');
    // only this page's bytes cross: not the buffer they were written in, nor the page before's
    expect(small.strings.buffer.byteLength).toBe('tag one, tag twox'.length);
    expect(shape.unpack(structuredClone(small), (row) => row[0])).toEqual(['tag one, tag two', '', 'x']);
    expect(shape.unpack(structuredClone(big), (row) => row[0])).toEqual(Array.from({ length: 2000 }, (_, i) => `large page ${i} ü`));
  });

  it('an empty page is empty', () => {
    const shape = new RowShape(2, [0]);
    expect(shape.unpack(structuredClone(shape.pack([])), (row) => [...row])).toEqual([]);
  });
});
