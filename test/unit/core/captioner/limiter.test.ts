import { describe, expect, it } from 'vitest';
import { limiter } from '../../../../src-main/core/captioner/limiter';

describe('limiter', () => {
  it('runs at most N tasks at once, the rest in the order they came, and goes on after a failure', async () => {
    const gate = limiter(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      if (i === 1) throw new Error('one failed');
      return i;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => gate.run(task(i))));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([0, 'one failed', 2, 3, 4]);
  });
});
