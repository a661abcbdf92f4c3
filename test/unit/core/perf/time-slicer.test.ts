import { describe, expect, it } from 'vitest';
import { forEachSliced, inSlices, mapSliced, runSliced } from '../../../../src-main/core/perf/time-slicer';

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
    function* steps(name: string): Generator<void, void> {
      for (let step = 0; step < 12; step++) {
        log.push(name);
        busy(1); // every slice works long enough for a 0 ms timer to be due after it
        yield;
      }
    }
    const loop = (name: string) => runSliced(steps(name), undefined, { sliceMs: 3 });
    await Promise.all([loop('a'), loop('b'), loop('c')]);
    ticking = false;
    const slices = log.filter((e) => e !== 'timer');
    expect(new Set(slices)).toEqual(new Set(['a', 'b', 'c']));
    // one loop's slice straight after another's, with no timer between them (each loop's first slice runs as it is called)
    const first = log.indexOf('timer');
    const backToBack = log.findIndex((e, i) => i > first && e !== 'timer' && log[i - 1] !== 'timer' && log[i - 1] !== e);
    expect(backToBack, log.join(' ')).toBe(-1);
  });

  it('stops at the next pause once its signal is aborted', async () => {
    const controller = new AbortController();
    let seen = 0;
    const loop = forEachSliced(
      Array.from({ length: 100_000 }, (_, i) => i),
      () => {
        seen++;
        busy(0.01);
      },
      controller.signal,
    );
    controller.abort(new Error('closed'));
    await expect(loop).rejects.toThrow('closed');
    expect(seen).toBeLessThan(100_000);
  });

  it('lets other callbacks run during a loop whose steps await, and stops once aborted', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    setImmediate(() => seen.push('other work'));
    const steps: number[] = [];
    const loop = (async () => {
      for await (const n of inSlices(Array.from({ length: 2000 }, (_, i) => i), controller.signal)) {
        await Promise.resolve();
        busy(0.02);
        steps.push(n);
        if (n === 1500) controller.abort(new Error('closed'));
      }
    })();
    await expect(loop).rejects.toThrow('closed');
    expect(seen).toEqual(['other work']);
    expect(steps.length).toBeGreaterThan(1500);
    expect(steps.length).toBeLessThan(2000);
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
