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

  it('stops at the next pause once its signal is aborted', async () => {
    const controller = new AbortController();
    const slicer = timeSlicer(controller.signal, 0);
    controller.abort(new Error('closed'));
    expect(slicer.due()).toBe(true);
    await expect(slicer.pause()).rejects.toThrow('closed');
  });
});
