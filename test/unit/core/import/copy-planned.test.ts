import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyPlanned, type PlannedCopy } from '../../../../src-main/core/import/copy-planned';
import type { ThreadPool } from '../../../../src-main/core/perf/thread-pool';
import type { ScanProtocol } from '../../../../src-main/core/scan/scan-protocol';
import { SessionStore } from '../../../../src-main/core/store/session-store';
import { IndexThread } from '../../../../src-main/workers/index-thread';
import { createThreadPools } from '../../../../src-main/workers/thread-pools';
import { makeImages } from '../../../support/make-images';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** the scan pool, noting how many copies each of its messages carried */
function countingCopies(pool: ThreadPool<ScanProtocol>): { pool: ThreadPool<ScanProtocol>; batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    pool: {
      threads: pool.threads,
      destroy: () => pool.destroy(),
      call: (kind, task, signal) => {
        if (kind === 'copy') batches.push((task as ScanProtocol['copy']['task']).items.length);
        return pool.call(kind, task, signal);
      },
    },
  };
}

describe('copyPlanned', () => {
  it('splits a small import evenly over its two lanes, so both threads copy, and records every copy', async () => {
    const root = join(tmp.path, 'photos');
    const names = Array.from({ length: 10 }, (_, i) => `p${i}.png`);
    await makeImages(root, names);
    const out = join(tmp.path, 'out');
    mkdirSync(out);
    const pools = createThreadPools();
    const store = new SessionStore(await IndexThread.open(join(out, '.lora-tagger', 'session.sqlite')));
    try {
      const plan: PlannedCopy[] = names.map((name, i) => {
        const s = statSync(join(root, name));
        return { file: { rel: name, size: s.size, mtimeMs: s.mtimeMs }, probe: { width: 8, height: 8, format: 'png' }, name: `img_${i + 1}.png`, resumed: false, place: i };
      });
      const { pool, batches } = countingCopies(pools.scan);
      let copied = 0;
      await copyPlanned(pool, root, out, plan, store, new AbortController().signal, (n) => (copied = n));

      // ten images were one message of ten, which left the second thread idle
      expect(batches).toEqual([5, 5]);
      expect(copied).toBe(10);
      names.forEach((name, i) => expect(readFileSync(join(out, `img_${i + 1}.png`))).toEqual(readFileSync(join(root, name))));
      expect((await store.imports()).filter((r) => r.copied)).toHaveLength(10);
    } finally {
      await store.close();
      await pools.close();
    }
  });
});
