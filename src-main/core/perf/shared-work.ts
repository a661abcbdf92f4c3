import { setImmediate } from 'node:timers';

/**
 * A helper thread's part of shared work: `call` asks it for items
 * [start, end); `take` puts its answer in place, on this thread.
 */
export interface Helper<R> {
  call(start: number, end: number): Promise<R>;
  take(start: number, end: number, answer: R): void;
}

/**
 * Chunks a helper has in flight: it starts its next as soon as one is done,
 * not when this thread next lets a turn pass. Its pool must hand a thread
 * that many at once (createWorkerPool's tasksPerThread), or the rest wait on
 * this thread.
 */
export const HELPER_CHUNKS_IN_FLIGHT = 2;

/**
 * Work over `count` items shared between this thread, which may block (the
 * index thread), and a helper thread: both take the next `chunk` items from
 * the same front, so neither waits for the other, and a helper slow to start
 * or busy simply takes fewer. This thread does its chunks synchronously and
 * lets a turn pass after each, in which the helper's answer is taken and its
 * next chunk sent. A helper whose call fails hands its chunk back and takes
 * no more: the work is done here, only slower. An error here, or in taking a
 * helper's answer, fails the whole: the helper gets no more, and its chunk
 * in flight is waited for. Without a helper, all of it is done here in one go.
 */
export async function shareWork<R>(count: number, chunk: number, here: (start: number, end: number) => void, helper: Helper<R> | null): Promise<void> {
  let next = 0;
  const take = (): [number, number] => {
    const start = next;
    next = Math.min(count, next + chunk);
    return [start, next];
  };
  // typed by its initializer, so that it is not taken for always null after the awaits
  let failure = null as { error: unknown } | null;
  const fail = (error: unknown) => {
    failure ??= { error };
    // nothing more for either side
    next = count;
  };
  const handedBack: [number, number][] = [];
  const lane = async (h: Helper<R>) => {
    while (next < count) {
      const [start, end] = take();
      let answer: R;
      try {
        answer = await h.call(start, end);
      } catch {
        handedBack.push([start, end]);
        return;
      }
      try {
        h.take(start, end, answer);
      } catch (error) {
        fail(error);
      }
    }
  };
  // this thread takes the first chunk: work of one chunk or less is done here, without a message
  // to the helper and back, which took longer than the work (the 72 stats of a small folder)
  let mine: [number, number] | null = count > 0 ? take() : null;
  const away = helper && next < count ? Promise.all(Array.from({ length: HELPER_CHUNKS_IN_FLIGHT }, () => lane(helper))) : null;
  try {
    while (mine) {
      here(mine[0], mine[1]);
      if (away) await nextTurn();
      mine = next < count ? take() : null;
    }
  } catch (error) {
    fail(error);
  }
  await away;
  if (failure) throw failure.error;
  for (const [start, end] of handedBack) here(start, end);
}

/** a turn of this thread's event loop, in which messages from the helper are taken */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
