import { describe, expect, it } from 'vitest';
import { runSliced } from '../../../../src-main/core/perf/time-slicer';

function* steps(n: number, log: string[]): Generator<void, number> {
  for (let i = 0; i < n; i++) {
    log.push(`step ${i}`);
    yield;
  }
  return n;
}

describe('runSliced', () => {
  it('runs the work to its end and returns its result', async () => {
    expect(await runSliced(steps(5, []))).toBe(5);
  });

  it('lets the event loop run between slices', async () => {
    const log: string[] = [];
    setImmediate(() => log.push('event loop'));
    // a zero-length slice pauses at every step
    await runSliced(steps(3, log), () => true, { sliceMs: 0 });
    expect(log.indexOf('event loop')).toBeGreaterThan(0);
    expect(log.indexOf('event loop')).toBeLessThan(log.length - 1);
  });

  it('drops the work when it is no longer wanted', async () => {
    const log: string[] = [];
    let wanted = true;
    setImmediate(() => (wanted = false));
    expect(await runSliced(steps(1000, log), () => wanted, { sliceMs: 0 })).toBeNull();
    expect(log.length).toBeLessThan(1000);
  });
});
