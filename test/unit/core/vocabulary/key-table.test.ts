import { describe, expect, it } from 'vitest';
import { KeyTable, keysColumn } from '../../../../src-main/core/vocabulary/key-table';

function tableOf(keys: string[]): KeyTable {
  const table = new KeyTable(keys.length, keysColumn(keys));
  keys.forEach((key, id) => table.add(id, key));
  return table;
}

describe('KeyTable', () => {
  it('finds the entry of every key it was given, and no other', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `tag_${i.toString(36)}`);
    keys.push('long_hair', 'long_hai', '日本語', '', 'émoji_😀');
    const table = tableOf(keys);
    keys.forEach((key, id) => expect(table.get(key)).toBe(id));
    for (const absent of ['long_h', 'long_hairs', 'tag_', '日本', 'Long_hair', 'tag_zzzzz']) expect(table.get(absent)).toBeUndefined();
  });

  it('holds as many keys as it was sized for, however they collide', () => {
    // seven keys in the smallest table: every probe sequence wraps around
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const table = new KeyTable(5, keysColumn(keys.slice(0, 5)));
    keys.slice(0, 5).forEach((key, id) => table.add(id, key));
    expect(keys.slice(0, 5).map((k) => table.get(k))).toEqual([0, 1, 2, 3, 4]);
    expect(table.get('f')).toBeUndefined();
  });

  it('answers an empty table', () => {
    expect(new KeyTable(0, keysColumn([])).get('anything')).toBeUndefined();
  });

  it('reads keys from the column it was given, as the index fills it', () => {
    const keys: string[] = [];
    const table = new KeyTable(3, keysColumn(keys));
    keys.push('first');
    table.add(0, 'first');
    keys.push('second');
    table.add(1, 'second');
    expect([table.get('first'), table.get('second')]).toEqual([0, 1]);
  });
});
