import { setImmediate } from 'node:timers';
import { describe, expect, it } from 'vitest';
import { madeUpPage, type FolderSyncSummary } from '../../../../src-main/core/store/folder-sync';
import type { IndexChannel } from '../../../../src-main/core/store/index-channel';
import { SessionStore } from '../../../../src-main/core/store/session-store';

/** an index whose pages are all there at once, as pages asked ahead arrive several to a turn */
function indexWithPagesReady(images: number): IndexChannel {
  const summary: FolderSyncSummary = { images, added: 0, removed: 0, changed: 0, captionsRead: 0, complete: true, unreadable: [] };
  return {
    call: ((kind: string, start?: number, count?: number) =>
      Promise.resolve(kind === 'indexed' ? summary : madeUpPage(Math.min(count!, images - start!)))) as IndexChannel['call'],
    close: () => Promise.resolve(),
  };
}

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('taking a list a page at a time', () => {
  it('takes a page that is there already in a later turn once the slice is spent, not in the same one', async () => {
    const store = new SessionStore(indexWithPagesReady(10_000));
    const pages: number[] = [];
    const turnsBetween: boolean[] = [];
    let turnPassed = true;
    await store.indexed((images) => {
      turnsBetween.push(turnPassed);
      pages.push(images.length);
      turnPassed = false;
      setImmediate(() => (turnPassed = true));
      // a page whose entries take longer than a slice (a loaded machine, cold code)
      busyFor(15);
    });
    expect(pages.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(pages.length).toBeGreaterThan(2);
    expect(turnsBetween.every(Boolean)).toBe(true);
  });
});
