import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShardedMap } from '../../../../src-main/core/perf/sharded-map';

type Op = { kind: 'set' | 'delete' | 'get'; key: string | number; value: number };

const key = fc.oneof(fc.integer({ min: -5, max: 200_000 }), fc.string({ maxLength: 20 }), fc.constantFrom('img_000001.txt', 'img_000017.txt', 'a/b.txt'));
const op: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom('set', 'delete', 'get'), key, value: fc.nat() });

describe('ShardedMap', () => {
  it('answers every get, has, delete and size as a Map would, and holds the same entries', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const sharded = new ShardedMap<string | number, number>();
        const plain = new Map<string | number, number>();
        for (const o of ops) {
          if (o.kind === 'set') {
            sharded.set(o.key, o.value);
            plain.set(o.key, o.value);
          }
          if (o.kind === 'delete') expect(sharded.delete(o.key)).toBe(plain.delete(o.key));
          expect(sharded.get(o.key)).toBe(plain.get(o.key));
          expect(sharded.has(o.key)).toBe(plain.has(o.key));
          expect(sharded.size).toBe(plain.size);
        }
        const byKey = (a: [unknown, unknown], b: [unknown, unknown]) => String(a[0]).localeCompare(String(b[0]));
        const keys = [...sharded.keys()];
        const values = [...sharded.values()];
        expect(keys.map((k, i) => [k, values[i]] as [unknown, unknown]).sort(byKey)).toEqual([...plain.entries()].sort(byKey));
      }),
      { numRuns: 200 },
    );
  });

  it('spreads the names of one dataset over its shards', () => {
    const map = new ShardedMap<string, number>();
    for (let i = 0; i < 16_000; i++) map.set(`10_cat/img_${String(i).padStart(6, '0')}.txt`, i);
    const shards = (map as unknown as { shards: Map<string, number>[] }).shards.map((s) => s.size);
    expect(Math.max(...shards)).toBeLessThan(2 * 1000);
  });
});
