import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('an image new to the folder in place of the one with the highest id', () => {
  it('is a new image, under an id of its own: it takes neither the skip mark nor the caption state of the one gone', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png', 'b.png']);
    writeBytes(join(dir, 'a.txt'), 'red');
    writeBytes(join(dir, 'b.txt'), 'blue, sky');
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    let session = workspace.requireSession();
    await session.whenIdle(); // headers checked: the reopen finds nothing to check but the folder
    const b = (await session.list()).find((i) => i.name === 'b.png')!;
    await session.setSkip(b.id, true);
    await workspace.close();

    // b.png, the image with the highest id, is renamed while the folder is closed, and its caption rewritten
    renameSync(join(dir, 'b.png'), join(dir, 'c.png'));
    renameSync(join(dir, 'b.txt'), join(dir, 'c.txt'));
    writeBytes(join(dir, 'c.txt'), 'green');
    await workspace.open({ path: dir });
    session = workspace.requireSession();
    await session.whenIdle();

    const c = (await session.list()).find((i) => i.name === 'c.png')!;
    // before migration 009, SQLite gave c.png the id b.png had
    expect(c.id).toBeGreaterThan(b.id);
    expect(session.detail(c.id)).toMatchObject({ status: 'tagged', caption: { text: 'green' } });
    expect(session.info().stats).toMatchObject({ total: 2, skipped: 0, tagged: 2 });
    expect(session.tagList().map((t) => [t.name, t.count])).toEqual([
      ['green', 1],
      ['red', 1],
    ]);
    await workspace.shutdown();
  });
});
