import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { inForeground } from '../../../../src-main/core/perf/foreground';
import { runSliced } from '../../../../src-main/core/perf/time-slicer';

/** a background build of `n` steps that counts how far it got */
function counting(n: number, progress: { done: number }): Generator<void, string> {
  return (function* () {
    for (let i = 0; i < n; i++) {
      progress.done++;
      yield;
    }
    return 'built';
  })();
}

describe('foreground work goes first', () => {
  it('pauses background slices while the user waits, and lets them finish after', async () => {
    const progress = { done: 0 };
    let atForegroundEnd = -1;
    let build!: Promise<string | null>;
    await inForeground(async () => {
      build = runSliced(counting(100_000, progress), () => true, { background: true, sliceMs: 0 });
      const atStart = progress.done;
      await sleep(100);
      atForegroundEnd = progress.done;
      // one slice at most ran before the pause took hold
      expect(atForegroundEnd - atStart).toBeLessThanOrEqual(1);
    });
    expect(await build).toBe('built');
    expect(progress.done).toBe(100_000);
    expect(atForegroundEnd).toBeLessThan(100_000);
  });

  it('does not make foreground work that waits on background work wait forever: unwanted work ends', async () => {
    const progress = { done: 0 };
    let wanted = true;
    const build = runSliced(counting(1_000_000, progress), () => wanted, { background: true, sliceMs: 0 });
    const outcome = await inForeground(async () => {
      wanted = false; // as a session closing inside an open does
      return build;
    });
    expect(outcome).toBeNull();
  });

  it('leaves work that is not background alone', async () => {
    const progress = { done: 0 };
    const result = await inForeground(() => runSliced(counting(10_000, progress), () => true, { sliceMs: 0 }));
    expect(result).toBe('built');
  });
});
