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

  it('an empty page is empty', () => {
    const shape = new RowShape(2, [0]);
    expect(shape.unpack(structuredClone(shape.pack([])), (row) => [...row])).toEqual([]);
  });
});
