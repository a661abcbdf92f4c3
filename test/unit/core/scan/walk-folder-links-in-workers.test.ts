import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkFolder } from '../../../../src-main/core/scan/walk-folder';
import { makeImages } from '../../../support/make-images';
import { makeTempDir } from '../../../support/temp-dir';
import { testThreadPools } from '../../../support/test-thread-pools';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());
const { scan: pool } = testThreadPools();

/**
 * A large folder (the bad-files harness's 50,000 files) is stat'ed in the
 * scan's worker threads; a link that leads back to itself there made the
 * stat throw ELOOP and the whole open fail, where a small folder's stats
 * skip it. Both ways must give one listing.
 */
describe('walking a folder whose files are stat-ed in the worker threads', () => {
  it('skips a caption or an image that links to itself, as the small-folder walk does, instead of failing', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['real.png', 'loop-edit.png']);
    writeFileSync(join(dir, 'real.txt'), 'kept');
    symlinkSync('loop-edit.txt', join(dir, 'loop-edit.txt'));
    symlinkSync('self.jpg', join(dir, 'self.jpg'));
    const inThreads = await walkFolder(dir, { recursive: false, pool, workerThreshold: 0 });
    const onMain = await walkFolder(dir, { recursive: false, pool, workerThreshold: Infinity });
    expect(inThreads.images.map((i) => i.rel).sort()).toEqual(['loop-edit.png', 'real.png']);
    expect(inThreads.notFiles).toEqual(onMain.notFiles);
    expect([...inThreads.texts.keys()]).toEqual([...onMain.texts.keys()]);
  });
});
