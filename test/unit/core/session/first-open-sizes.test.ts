import { statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../../../src-shared/contract';
import { IndexDatabase } from '../../../../src-main/core/store/index-database';
import { makeImage } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const inPlace = { mode: 'in-place', outputDir: 'output', prefix: 'img' } as const;

/** what each image's file is on disk, as the list should come to show it */
const onDisk = (dir: string, names: readonly string[]) => names.map((name) => ({ name, bytes: statSync(join(dir, name)).size }));
const sizes = (list: readonly ImageSummary[]) => list.map(({ name, bytes }) => ({ name, bytes }));

/**
 * A first open lists the folder without a stat per image (it has no index to
 * compare sizes with): the header check that follows the open gives every
 * file's size and mtime. The list shows them once checked, bad files are
 * still refused with their reason, and the next open finds nothing changed.
 */
describe("a first open's file sizes", () => {
  it('come from the header check: the list shows them, the index keeps them, and a reopen checks nothing again', async () => {
    const dir = join(tmp.path, 'set');
    await makeImage(join(dir, 'a.png'), { width: 64, height: 48, seed: 1 });
    await makeImage(join(dir, 'b.png'), { width: 300, height: 200, seed: 2 });
    writeFileSync(join(dir, 'a.txt'), 'red, sky');
    writeFileSync(join(dir, 'empty.png'), '');
    symlinkSync(join(dir, 'nowhere.png'), join(dir, 'gone.png'));
    const { workspace, events } = makeWorkspace(tmp.path);

    await workspace.open({ path: dir, setup: inPlace });
    let session = workspace.requireSession();
    await session.whenIdle();
    expect(sizes(await session.list())).toEqual(onDisk(dir, ['a.png', 'b.png']));
    expect(session.info().skippedFiles).toEqual([
      { name: 'empty.png', reason: 'the file is empty (0 bytes)' },
      { name: 'gone.png', reason: 'not listed: it is a symbolic link to something that is not there' },
    ]);
    await workspace.close();

    // the index holds each file's size and mtime as the check found them
    const db = IndexDatabase.open(join(dir, '.lora-tagger', 'session.sqlite'));
    expect(db.allImages().map((r) => [r.relPath, r.size, r.mtimeMs])).toEqual(
      ['a.png', 'b.png'].map((name) => [name, statSync(join(dir, name)).size, statSync(join(dir, name)).mtimeMs]),
    );
    db.close();

    // so the reopen's check against the folder finds no image changed, and checks no header again
    events.length = 0;
    await workspace.open({ path: dir });
    session = workspace.requireSession();
    await session.whenIdle();
    expect(sizes(await session.list())).toEqual(onDisk(dir, ['a.png', 'b.png']));
    const jobs = events.flatMap((e) => (e.event === 'job.progress' ? [(e.payload as { label: string }).label] : []));
    expect(jobs).toContain('Checking the folder for changes');
    expect(jobs).not.toContain('Checking images');
    await workspace.shutdown();
  }, 60_000);
});
