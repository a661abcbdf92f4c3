import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resyncSession } from '../../../../src-main/core/session/resync';
import type { DatasetSession } from '../../../../src-main/core/session/dataset-session';
import { makeImage, makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** what a recount of the session's list gives: the stats and tag counts kept edit by edit must equal it */
async function recount(session: DatasetSession) {
  const list = await session.list();
  const skipped = list.filter((i) => i.status === 'skip').length;
  const tagged = list.filter((i) => i.status === 'tagged').length;
  const tags = new Map<string, number>();
  for (const { id } of list) for (const t of session.detail(id).caption.tags) tags.set(t, (tags.get(t) ?? 0) + 1);
  return {
    stats: { total: list.length, tagged, skipped, remaining: list.length - skipped - tagged },
    tags: Object.fromEntries([...tags].sort()),
  };
}

function kept(session: DatasetSession) {
  const { total, tagged, skipped, remaining } = session.info().stats;
  const tags = Object.fromEntries(session.tagList().filter((t) => t.count > 0).map((t) => [t.name, t.count] as const).sort());
  return { stats: { total, tagged, skipped, remaining }, tags };
}

describe('stats, stem clashes and tag counts kept without a recount', () => {
  it('match a recount after edits, a skip, images added and removed, and an unreadable file dropped', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png', 'b.png', 'c.png', 'd.png']);
    writeBytes(join(dir, 'a.txt'), 'red, blue');
    writeBytes(join(dir, 'b.txt'), 'blue');
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const session = workspace.requireSession();
    await session.whenIdle();
    expect(kept(session)).toEqual(await recount(session));
    expect(kept(session).stats).toEqual({ total: 4, tagged: 2, skipped: 0, remaining: 2 });

    const [a, , c, d] = (await session.list());
    await session.setTags(c!.id, ['green', 'blue'], session.detail(c!.id).caption.revision);
    await session.setTags(a!.id, [], session.detail(a!.id).caption.revision);
    await session.setSkip(d!.id, true);
    expect(kept(session)).toEqual(await recount(session));
    expect(kept(session).stats).toEqual({ total: 4, tagged: 2, skipped: 1, remaining: 1 });
    expect(session.tagCounts().get('blue')).toBe(2);

    // another program removes b and its caption, and adds e.jpg beside e.png (a stem clash) with a caption
    rmSync(join(dir, 'b.png'));
    rmSync(join(dir, 'b.txt'));
    await makeImage(join(dir, 'e.png'), { seed: 5 });
    await makeImage(join(dir, 'e.jpg'), { seed: 6 });
    writeBytes(join(dir, 'e.txt'), 'blue, yellow');
    // and a file that only looks like an image: the header check drops it into the skipped files
    writeBytes(join(dir, 'f.png'), 'not a png at all');
    await resyncSession(session, { bus: workspace.bus, jobs: workspace.jobs, scanPool: workspace.options.scanPool });
    await session.whenIdle();

    expect((await session.list()).map((i) => i.name)).toEqual(['a.png', 'c.png', 'd.png', 'e.jpg', 'e.png']);
    expect(session.info().skippedFiles.map((f) => f.name)).toEqual(['f.png']);
    expect(session.info().stemClashes).toEqual([['e.jpg', 'e.png']]);
    expect(kept(session)).toEqual(await recount(session));
    expect(kept(session).stats).toEqual({ total: 5, tagged: 3, skipped: 1, remaining: 1 });
    // the edits made before the resync are still the images' live state
    expect(session.detail(c!.id).caption.tags).toEqual(['green', 'blue']);
    expect(session.tagCounts().get('blue')).toBe(3);
    expect(session.tagCounts().has('red')).toBe(false);
    await workspace.shutdown();
  });

  it('count a tag a caption repeats once, at open, after an edit and after a reopen', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png', 'b.png']);
    writeBytes(join(dir, 'a.txt'), 'red, red, blue');
    writeBytes(join(dir, 'b.txt'), 'red');
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    let session = workspace.requireSession();
    await session.whenIdle();
    expect(session.tagCounts().get('red')).toBe(2);

    const [a] = await session.list();
    await session.setTags(a!.id, ['blue'], session.detail(a!.id).caption.revision);
    expect(session.tagCounts().get('red')).toBe(1);
    await workspace.close();

    // another program writes the repeat again while the folder is closed: the reopen's check takes it
    writeBytes(join(dir, 'a.txt'), 'red, red, blue');
    await workspace.open({ path: dir });
    session = workspace.requireSession();
    await session.whenIdle();
    expect(session.tagCounts().get('red')).toBe(2);
    await workspace.close();

    // and the next reopen's counts, which come from the index thread, say so at once
    await workspace.open({ path: dir });
    session = workspace.requireSession();
    expect(session.tagCounts().get('red')).toBe(2);
    expect(session.tagCounts().get('blue')).toBe(1);
    await session.whenIdle();
    await session.setTags(a!.id, ['blue'], session.detail(a!.id).caption.revision);
    expect(session.tagCounts().get('red')).toBe(1);

    // an image that arrives, and leaves, with a repeat in its caption
    const deps = { bus: workspace.bus, jobs: workspace.jobs, scanPool: workspace.options.scanPool };
    await makeImage(join(dir, 'c.png'), { seed: 3 });
    writeBytes(join(dir, 'c.txt'), 'green, green');
    await resyncSession(session, deps);
    expect(session.tagCounts().get('green')).toBe(1);
    rmSync(join(dir, 'c.png'));
    await resyncSession(session, deps);
    expect(session.tagCounts().has('green')).toBe(false);
    await workspace.shutdown();
  });
});
