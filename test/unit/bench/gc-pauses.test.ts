import { describe, expect, it } from 'vitest';
import { gcInside, GcPauseWatch, type GcPause } from '../../../bench/measure/gc-pauses';
import { formatExplanations } from '../../../bench/measure/explain-stalls';

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

describe('GcPauseWatch', () => {
  it('records the main isolate’s collections in the monotonic clock the stall watch uses', async () => {
    const watch = new GcPauseWatch();
    watch.start();
    const before = nowUs();
    // short-lived garbage: the young generation fills and is scavenged many times over
    let kept: object[] = [];
    for (let i = 0; i < 2_000_000; i++) {
      kept.push({ i, text: `item ${i}` });
      if (kept.length === 10_000) kept = [];
    }
    const after = nowUs();
    // the observer hears of collections a turn or two later
    await new Promise((resolve) => setTimeout(resolve, 50));
    watch.stop();
    const pauses = watch.all();
    // the loop's scavenges lie inside it in the stall watch's clock (the test runner may add more after)
    const inLoop = pauses.filter((p) => p.startUs >= before && p.endUs <= after);
    expect(inLoop.length).toBeGreaterThan(0);
    expect(inLoop.every((p) => p.kind === 'scavenge' && p.endUs >= p.startUs)).toBe(true);
    const longest = watch.take();
    expect(longest.ms).toBe(Math.round((Math.max(...pauses.map((p) => p.endUs - p.startUs))) / 100) / 10);
    // taken: the next call sees only what came after
    expect(watch.take()).toEqual({ ms: 0, kind: '' });
  });
});

describe('gcInside', () => {
  const pauses: GcPause[] = [
    { kind: 'scavenge', startUs: 1_000, endUs: 6_000 },
    { kind: 'mark-compact', startUs: 9_000, endUs: 20_000 },
    { kind: 'scavenge', startUs: 30_000, endUs: 31_000 },
  ];

  it('sums the part of each pause inside the stall, by kind, longest first', () => {
    // the first pause half inside, the second wholly, the third outside
    expect(gcInside(pauses, 3_500, 25_000)).toEqual([
      ['mark-compact', 11],
      ['scavenge', 2.5],
    ]);
    expect(gcInside(pauses, 21_000, 29_000)).toEqual([]);
  });

  it('prints the GC inside an explained stall under it', () => {
    const lines = formatExplanations(1, [
      { stall: { phase: 'open', startUs: 0, endUs: 40_000, queuedMs: 2, gc: [['scavenge', 27.1]] }, samples: 30, self: [], app: [] },
    ]);
    expect(lines).toContain('      gc   scavenge 27.1 ms');
  });
});
