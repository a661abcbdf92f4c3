import { describe, expect, it } from 'vitest';
import { RenderQueue, type RenderPriority } from '../../../../src-main/core/images/render-queue';

/** a render the test finishes by hand, recording the order renders start in */
function harness(concurrency: number) {
  const queue = new RenderQueue<string>(concurrency);
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const schedule = (key: string, priority: RenderPriority, signal?: AbortSignal) =>
    queue.schedule(
      key,
      () =>
        new Promise<string>((resolve) => {
          started.push(key);
          finishers.set(key, () => resolve(key));
        }),
      { priority, ...(signal ? { signal } : {}) },
    );
  /** finish the renders under way, one at a time in start order, until nothing runs */
  const drain = async () => {
    for (let i = 0; i < 10_000 && queue.active > 0; i++) {
      const next = started.find((k) => finishers.has(k))!;
      const finish = finishers.get(next)!;
      finishers.delete(next);
      finish();
      await new Promise((r) => setImmediate(r));
    }
  };
  return { queue, started, schedule, drain };
}

describe('RenderQueue', () => {
  it('on quitting, refuses the renders not started and lets the ones under way finish', async () => {
    const { queue, started, schedule, drain } = harness(2);
    const outcomes = Array.from({ length: 1000 }, (_, i) =>
      schedule(`bg${i}`, i % 2 ? 'background' : 'visible').then(
        (k) => `done ${k}`,
        (err: Error) => `refused ${err.message}`,
      ),
    );
    const running = [...started];
    expect(running).toHaveLength(2);
    queue.dropQueued(new Error('closing'));
    const idle = queue.idle();
    await drain();
    await idle;
    const results = await Promise.all(outcomes);
    // only the two renders under way ran; the other 998 were refused without starting
    expect(started).toEqual(running);
    expect(results.filter((r) => r.startsWith('done')).sort()).toEqual(running.map((k) => `done ${k}`).sort());
    expect(results.filter((r) => r === 'refused closing')).toHaveLength(998);
    expect(queue.queued).toBe(0);
  });

  it('runs a visible request queued after 100 background ones before most of them', async () => {
    const { schedule, drain } = harness(2);
    const completed: string[] = [];
    const all = Array.from({ length: 100 }, (_, i) => schedule(`bg${i}`, 'background').then((k) => completed.push(k)));
    const visible = schedule('visible', 'visible').then((k) => completed.push(k));
    await drain();
    await Promise.all([...all, visible]);
    // two background renders had already started when it came; it goes next
    expect(completed.indexOf('visible')).toBeLessThanOrEqual(2);
    expect(completed.filter((k) => k.startsWith('bg'))).toEqual(Array.from({ length: 100 }, (_, i) => `bg${i}`));
  });

  it('serves the newest visible request first, then prefetches in order, then background', async () => {
    const { schedule, drain, started } = harness(1);
    const blocker = schedule('blocker', 'background');
    const rest = [
      schedule('bg', 'background'),
      schedule('pre1', 'prefetch'),
      schedule('pre2', 'prefetch'),
      schedule('v1', 'visible'),
      schedule('v2', 'visible'),
    ];
    await drain();
    await Promise.all([blocker, ...rest]);
    expect(started).toEqual(['blocker', 'v2', 'v1', 'pre1', 'pre2', 'bg']);
  });

  it('drops a cancelled request before it starts, and never starts its render', async () => {
    const { schedule, drain, started } = harness(1);
    const controller = new AbortController();
    const first = schedule('a', 'visible');
    const dropped = schedule('b', 'visible', controller.signal);
    controller.abort(new Error('scrolled away'));
    await expect(dropped).rejects.toThrow('scrolled away');
    await drain();
    await first;
    expect(started).toEqual(['a']);
  });

  it('lets a started render finish and gives its result even to a waiter that cancelled', async () => {
    const { schedule, drain, started } = harness(1);
    const controller = new AbortController();
    const running = schedule('a', 'background', controller.signal);
    expect(started).toEqual(['a']);
    controller.abort();
    await drain();
    await expect(running).resolves.toBe('a');
  });

  it('shares one render between requests for the same key and raises its priority', async () => {
    const { schedule, drain, started } = harness(1);
    const blocker = schedule('blocker', 'background');
    const background = schedule('same', 'background');
    const other = schedule('other', 'background');
    const visible = schedule('same', 'visible');
    await drain();
    expect(await Promise.all([blocker, background, visible, other])).toEqual(['blocker', 'same', 'same', 'other']);
    expect(started).toEqual(['blocker', 'same', 'other']);
  });

  it('keeps a render another waiter still wants when one of them cancels', async () => {
    const { schedule, drain, started } = harness(1);
    const blocker = schedule('blocker', 'background');
    const controller = new AbortController();
    const cancelled = schedule('shared', 'visible', controller.signal);
    const kept = schedule('shared', 'prefetch');
    controller.abort();
    await expect(cancelled).rejects.toBeDefined();
    await drain();
    await Promise.all([blocker, kept]);
    expect(started).toEqual(['blocker', 'shared']);
  });

  it('never runs more renders at once than its concurrency', async () => {
    const queue = new RenderQueue<number>(3);
    let running = 0;
    let peak = 0;
    const work = Array.from({ length: 40 }, (_, i) =>
      queue.schedule(
        `k${i}`,
        async () => {
          peak = Math.max(peak, ++running);
          await new Promise((r) => setImmediate(r));
          running--;
          return i;
        },
        { priority: i % 3 === 0 ? 'visible' : 'background' },
      ),
    );
    await Promise.all(work);
    await queue.idle();
    expect(peak).toBe(3);
  });
});
