import { describe, expect, it } from 'vitest';
import { StallMonitor } from '../../../../src-main/core/perf/stall-monitor';

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('StallMonitor', () => {
  it('sees a blocked event loop, at least as long as it was blocked', async () => {
    const monitor = new StallMonitor(5).start();
    await tick(20);
    busy(120);
    await tick(20);
    expect(monitor.figures().maxStallMs).toBeGreaterThanOrEqual(110);
    monitor.reset();
    expect(monitor.figures()).toEqual({ maxStallMs: 0, p99StallMs: 0, samples: 0 });
    monitor.stop();
  });

  it('leaves out what runs while it is paused, and keeps what came before', async () => {
    const monitor = new StallMonitor(5).start();
    await tick(20);
    busy(80);
    await tick(20);
    monitor.pause();
    busy(1000);
    await monitor.resume();
    await tick(20);
    const { maxStallMs } = monitor.figures();
    expect(maxStallMs).toBeGreaterThanOrEqual(70);
    expect(maxStallMs).toBeLessThan(900);
    monitor.stop();
  });
});
