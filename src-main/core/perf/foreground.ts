import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Work the user waits for (opening a folder) goes ahead of work nobody waits
 * for (indexing the tag lists, counting a list's tags): background loops
 * pause between their slices while any foreground work runs, rather than
 * share the event loop with it slice by slice, which would draw the open out
 * by as long as they take. One process, one main thread: the state is
 * module-wide on purpose.
 */
let running = 0;

export async function inForeground<T>(work: () => Promise<T>): Promise<T> {
  running++;
  try {
    return await work();
  } finally {
    running--;
  }
}

const POLL_MS = 20;

/**
 * Waits while foreground work runs. Polls rather than waits for a signal, so
 * that background work a foreground task waits on (a session closing waits
 * for its indexing) can still see it is no longer wanted and end: false then.
 */
export async function waitForForeground(stillWanted: () => boolean): Promise<boolean> {
  while (running > 0) {
    await sleep(POLL_MS);
    if (!stillWanted()) return false;
  }
  return true;
}
