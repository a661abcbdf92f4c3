import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { shareWork } from '../../../../src-main/core/perf/shared-work';

/** a helper on another thread, as this thread sees it: its answer comes in a later turn */
const later = () => new Promise<void>((resolve) => setImmediate(resolve));

/** which side did each item, and how often */
function ledger(count: number) {
  const by: string[][] = Array.from({ length: count }, () => []);
  const mark = (who: string) => (start: number, end: number) => {
    for (let k = start; k < end; k++) by[k]!.push(who);
  };
  return { by, mark };
}

describe('shareWork', () => {
  it('does every item exactly once between this thread and the helper, and the helper takes its share', async () => {
    const { by, mark } = ledger(1000);
    const here = mark('here');
    await shareWork(1000, 10, here, { call: later, take: mark('helper') });
    expect(by.every((who) => who.length === 1)).toBe(true);
    const helped = by.filter(([who]) => who === 'helper').length;
    expect(helped).toBeGreaterThan(0);
    expect(helped).toBeLessThan(1000);
  });

  it('without a helper, does it all here in one go', async () => {
    const { by, mark } = ledger(95);
    await shareWork(95, 10, mark('here'), null);
    expect(by.map((who) => who.join())).toEqual(Array(95).fill('here'));
  });

  it('does work of one chunk or less here, without asking the helper: its answer would come after the work is done', async () => {
    const { by, mark } = ledger(10);
    let calls = 0;
    const helper = {
      call: async () => {
        calls++;
        await later();
      },
      take: mark('helper'),
    };
    await shareWork(10, 10, mark('here'), helper);
    await shareWork(0, 10, mark('here'), helper);
    expect(by.map((who) => who.join())).toEqual(Array(10).fill('here'));
    expect(calls).toBe(0);
  });

  it('takes back the chunk of a helper that fails, and gives it no more', async () => {
    const { by, mark } = ledger(500);
    let calls = 0;
    await shareWork(500, 10, mark('here'), {
      call: async () => {
        calls++;
        await later();
        throw new Error('the helper thread died');
      },
      take: mark('helper'),
    });
    expect(by.every((who) => who.join() === 'here')).toBe(true);
    // one failure per lane, then no more
    expect(calls).toBeLessThanOrEqual(2);
  });

  it('fails with the error met here, after the helper’s chunk in flight is done, and gives the helper no more', async () => {
    const { by, mark } = ledger(1000);
    let helperChunks = 0;
    let inFlight = 0;
    const failure = new Error('cancelled');
    let hereChunks = 0;
    const outcome = shareWork(
      1000,
      10,
      (start, end) => {
        if (++hereChunks === 3) throw failure;
        mark('here')(start, end);
      },
      {
        call: async () => {
          helperChunks++;
          inFlight++;
          await later();
        },
        take: (start, end) => {
          mark('helper')(start, end);
          inFlight--;
        },
      },
    );
    await expect(outcome).rejects.toBe(failure);
    expect(inFlight).toBe(0);
    const done = by.filter((who) => who.length > 0).length;
    expect(done).toBeLessThan(100);
    expect(helperChunks).toBeLessThan(10);
  });
});
