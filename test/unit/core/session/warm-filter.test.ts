import { describe, expect, it, vi } from 'vitest';
import { DatasetIndex } from '../../../../src-main/core/session/dataset-index';
import type { IndexChannel } from '../../../../src-main/core/store/index-channel';
import { SessionStore } from '../../../../src-main/core/store/session-store';

/** an index channel that answers warmFilter from `answers` in turn; an Error is thrown */
function channelAnswering(answers: (boolean | Error)[]): IndexChannel & { asked: number } {
  const channel = {
    asked: 0,
    call: async () => {
      const answer = answers[channel.asked++]!;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    close: async () => undefined,
  };
  return channel as unknown as IndexChannel & { asked: number };
}

describe('DatasetIndex.warmFilter', () => {
  it('asks the index thread a step at a time until it has indexed every image, and stops when no longer wanted', async () => {
    const all = channelAnswering([false, false, true]);
    await new DatasetIndex(new SessionStore(all), () => undefined).warmFilter(() => true);
    expect(all.asked).toBe(3);

    const cut = channelAnswering([false, false, true]);
    let wanted = 2;
    await new DatasetIndex(new SessionStore(cut), () => undefined).warmFilter(() => wanted-- > 0);
    expect(cut.asked).toBe(2);
  });

  it('never fails (a query indexes what it did not): a failed step ends it with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const failing = channelAnswering([false, new Error('the index thread stopped')]);
    await expect(new DatasetIndex(new SessionStore(failing), () => undefined).warmFilter(() => true)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the index thread stopped'));
    warn.mockRestore();
  });
});
