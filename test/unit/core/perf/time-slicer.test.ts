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

  it('shares one slice among loops run one after another in the same turn', async () => {
    // before: each loop's slice began when the loop did, so a loop that ended just short of its
    // slice and the loop after it held the event loop for two slices with no turn between them
    let turned = false;
    setImmediate(() => (turned = true));
    let firstPauseOfSecond = -1;
    const first = forEachSliced([1, 2, 3, 4, 5, 6, 7, 8], () => busy(1)); // 8 ms: under one 10 ms slice
    const second = forEachSliced([1, 2, 3, 4, 5, 6, 7, 8], (_, i) => {
      if (turned && firstPauseOfSecond < 0) firstPauseOfSecond = i;
      busy(1);
    });
    await Promise.all([first, second]);
    // the second loop paused within the slice the first had started, not after 8 ms of its own
    expect(firstPauseOfSecond).toBeGreaterThan(0);
    expect(firstPauseOfSecond).toBeLessThan(5);
  });

  it('looks at the clock after runs of light items, and pauses as soon as items turn heavy', async () => {
    // light items are timed a run at a time (a clock read per item was a tenth of a light loop's time);
    // a run is at most 16 items, so 1 ms items after 5,000 light ones hold the loop one slice and a run at most
    let turns = 0;
    let looping = true;
    const turn = () => {
      turns++;
      if (looping) setImmediate(turn);
    };
    setImmediate(turn);
    let heavyInTurn = 0;
    let mostHeavyInTurn = 0;
    let seenTurns = turns;
    await forEachSliced(
      Array.from({ length: 5060 }, (_, i) => i),
      (i) => {
        if (turns !== seenTurns) {
          seenTurns = turns;
          heavyInTurn = 0;
        }
        if (i < 5000) return;
        busy(1);
        mostHeavyInTurn = Math.max(mostHeavyInTurn, ++heavyInTurn);
      },
    );
    looping = false;
    expect(mostHeavyInTurn).toBeGreaterThan(1);
    expect(mostHeavyInTurn).toBeLessThanOrEqual(10 + 16);
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
