import { describe, expect, it } from 'vitest';
import { mapSliced, timeSlicer } from '../../../../src-main/core/perf/time-slicer';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('time slicing', () => {
  it('lets other callbacks run during a long loop and keeps the results in order', async () => {
    const seen: string[] = [];
    const items = Array.from({ length: 300 }, (_, i) => i);
    setImmediate(() => seen.push('other work'));
    const out = await mapSliced(items, (n) => {
      busy(0.2);
      if (n === items.length - 1) seen.push('loop done');
      return n * 2;
    });
    expect(out).toEqual(items.map((n) => n * 2));
    expect(seen).toEqual(['other work', 'loop done']);
  });

  it('lets timers run between any two slices, however many loops are sliced at once', async () => {
    // before: each loop's pause was an immediate of its own, and Node ran them all in one check
    // phase, so three loops took their slices back to back with no timer in between
    const log: string[] = [];
    let ticking = true;
    const tick = () => {
      log.push('timer');
      if (ticking) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const loop = async (name: string) => {
      const slicer = timeSlicer(undefined, 3);
      for (let step = 0; step < 12; step++) {
        if (slicer.due()) {
          await slicer.pause();
          log.push(name);
        }
        busy(1); // every slice works long enough for a 0 ms timer to be due after it
      }
    };
    await Promise.all([loop('a'), loop('b'), loop('c')]);
    ticking = false;
    const slices = log.filter((e) => e !== 'timer');
    expect(new Set(slices)).toEqual(new Set(['a', 'b', 'c']));
    const backToBack = log.findIndex((e, i) => e !== 'timer' && i > 0 && log[i - 1] !== 'timer');
    expect(backToBack, log.join(' ')).toBe(-1);
  });

  it('stops at the next pause once its signal is aborted', async () => {
    const controller = new AbortController();
    const slicer = timeSlicer(controller.signal, 0);
    controller.abort(new Error('closed'));
    expect(slicer.due()).toBe(true);
    await expect(slicer.pause()).rejects.toThrow('closed');
  });
});

describe('sortSliced', () => {
  it('sorts like Array.prototype.sort, stably, for any input', async () => {
    const { sortSliced } = await import('../../../../src-main/core/perf/sort-sliced');
    const fc = (await import('fast-check')).default;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ key: fc.integer({ min: 0, max: 50 }), at: fc.nat() }), { maxLength: 2000 }), async (items) => {
        const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
        const tagged = items.map((item, at) => ({ ...item, at }));
        const sorted = await sortSliced(tagged, compare);
        expect(sorted).toEqual([...tagged].sort(compare));
        expect(tagged.map((t) => t.at)).toEqual(items.map((_, i) => i)); // input untouched
      }),
      { numRuns: 60 },
    );
  });
});
