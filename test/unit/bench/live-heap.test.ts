import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { liveHeapMb } from '../../../bench/measure/rss-sampler';

const holder = globalThis as { gc?: () => void };
afterEach(() => delete holder.gc);

describe('liveHeapMb', () => {
  it('is null where the collector is not exposed', () => {
    delete holder.gc;
    expect(liveHeapMb()).toBeNull();
  });

  it('counts what is still reachable, not what was thrown away', () => {
    // as --expose-gc does for a bench child
    setFlagsFromString('--expose-gc');
    holder.gc = runInNewContext('gc') as () => void;
    const before = liveHeapMb()!;
    const held: { kept: string[] | null } = { kept: Array.from({ length: 200_000 }, (_, i) => `kept string ${i}`) };
    for (let i = 0; i < 200_000; i++) void `thrown away ${i}`.repeat(3);
    const holding = liveHeapMb()!;
    expect(held.kept?.length).toBe(200_000);
    held.kept = null;
    const after = liveHeapMb()!;
    expect(holding - before).toBeGreaterThan(5);
    expect(holding - after).toBeGreaterThan(5);
    expect(Math.abs(after - before)).toBeLessThan(3);
  });
});
