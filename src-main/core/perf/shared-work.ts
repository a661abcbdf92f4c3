import { setImmediate } from 'node:timers';

/** a helper's part of shared work: items [start, end) done on another thread */
export type HelperChunk = (start: number, end: number) => Promise<void>;

/**
 * Work over `count` items shared between this thread, which may block (the
 * index thread), and a helper thread: both take the next `chunk` items from
 * the same front, so neither waits for the other, and a helper slow to start
 * or busy simply takes fewer. This thread does its chunks synchronously and
 * lets a turn pass after each, in which the helper's answer is taken and its
 * next chunk sent. A helper that fails hands its chunk back and takes no
 * more: the work is done here, only slower. Without a helper, all of it is
 * done here in one go.
 */
export async function shareWork(count: number, chunk: number, here: (start: number, end: number) => void, helper: HelperChunk | null): Promise<void> {
  let next = 0;
  const take = (): [number, number] => {
    const start = next;
    next = Math.min(count, next + chunk);
    return [start, next];
  };
  const handedBack: [number, number][] = [];
  const lane = helper
    ? async () => {
        while (next < count) {
          const [start, end] = take();
          try {
            await helper(start, end);
          } catch {
            handedBack.push([start, end]);
            return;
          }
        }
      }
    : null;
  // two chunks in flight: the helper starts its next as soon as it is done, not when this thread next lets a turn pass
  const away = lane && Promise.all([lane(), lane()]);
  let failure: unknown = null;
  try {
    while (next < count) {
      const [start, end] = take();
      here(start, end);
      if (away) await nextTurn();
    }
  } catch (err) {
    failure = err;
    // nothing more for the helper either
    next = count;
  }
  // the helper's chunk in flight finishes (or fails) before the items are looked at, even after a failure here
  await away;
  if (failure !== null) throw failure;
  for (const [start, end] of handedBack) here(start, end);
}

/** a turn of this thread's event loop, in which messages from the helper are taken */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
