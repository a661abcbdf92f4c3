import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkCountsSubfolders, locateSession, mayHoldSubfolders } from '../../../../src-main/core/session/locate-session';
import { makeImages } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** the test folders' file system keeps a folder's link count as 2 plus its subfolders (ext4, xfs, tmpfs, f2fs on Linux) */
const countsHere = await linkCountsSubfolders(tmpdir());

describe('where the session of an opened folder lives', () => {
  it('in an import output folder of any name: opening the originals again resumes it', async () => {
    const root = join(tmp.path, 'originals');
    await makeImages(root, ['a.png', 'b.png']);
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: root, setup: { mode: 'import', outputDir: 'my copies', prefix: 'cat' } });
    await workspace.close();

    expect(await locateSession(root, 'output')).toEqual({ kind: 'ours', datasetDir: join(root, 'my copies') });
    const info = await workspace.open({ path: root });
    expect([info.datasetDir, info.stats.total]).toEqual([join(root, 'my copies'), 2]);
    await workspace.shutdown();
  }, 60_000);

  it.skipIf(!countsHere)('is looked for in subfolders only when the folder has any, which its link count tells', async () => {
    const dir = join(tmp.path, 'flat');
    await mkdir(dir);
    for (let i = 0; i < 50; i++) writeFileSync(join(dir, `img${i}.txt`), '');
    expect(await mayHoldSubfolders(dir)).toBe(false);
    await mkdir(join(dir, '10_cat'));
    expect(await mayHoldSubfolders(dir)).toBe(true);
    expect(await locateSession(dir, 'output')).toEqual({ kind: 'new' });
  });
});

