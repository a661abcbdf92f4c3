import { copyFileSync, writeFileSync } from 'node:fs';
import { IMAGES_SETTLE_MS } from '../../../../src-main/core/session/folder-watcher';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../support/open-workspace';
import { makeImage, makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** resolves with the first recorded event that matches, however long the watcher takes */
function nextEvent(events: RecordedEvent[], match: (e: RecordedEvent) => boolean, from: number): Promise<RecordedEvent> {
  return new Promise((resolve) => {
    const poll = () => {
      const hit = events.slice(from).find(match);
      if (hit) resolve(hit);
      else setTimeout(poll, 20);
    };
    poll();
  });
}

describe('live updates from the folder', () => {
  it('picks up a caption another program writes while the folder is open', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png', 'b.png']);
    writeBytes(join(dir, 'a.txt'), 'old');
    const { workspace, events } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const session = workspace.requireSession();
    const a = (await session.list())[0]!;
    const mark = events.length;

    writeFileSync(join(dir, 'a.txt'), 'new, from, elsewhere');
    const changed = await nextEvent(events, (e) => e.event === 'caption.changed', mark);
    expect(changed.payload).toMatchObject({ source: 'disk', image: { id: a.id, caption: { tags: ['new', 'from', 'elsewhere'] } } });
    expect(session.tagList().map((t) => t.name).sort()).toEqual(['elsewhere', 'from', 'new']);
    await workspace.shutdown();
  });

  it('adds an image dropped into the folder to the list', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png']);
    const { workspace, events } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const mark = events.length;

    await makeImage(join(dir, 'b.png'), { seed: 9 });
    await nextEvent(events, (e) => e.event === 'images.changed' && (e.payload as { reset: boolean }).reset, mark);
    expect((await workspace.requireSession().list()).map((i) => i.name)).toEqual(['a.png', 'b.png']);
    await workspace.shutdown();
  });

  it('a captioned image copied in updates the stats bar and the tag panel, not only the list', async () => {
    const dir = join(tmp.path, 'set');
    const source = join(tmp.path, 'elsewhere');
    await makeImages(dir, ['a.png']);
    writeBytes(join(dir, 'a.txt'), 'cat, old');
    await makeImage(join(source, 'b.png'), { seed: 9 });
    writeBytes(join(source, 'b.txt'), 'cat, dog');
    const { workspace, events } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const session = workspace.requireSession();
    const mark = events.length;

    // the caption first, as a copy of both files often lands
    copyFileSync(join(source, 'b.txt'), join(dir, 'b.txt'));
    copyFileSync(join(source, 'b.png'), join(dir, 'b.png'));
    for (let waited = 0; (await session.list()).length < 2 && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    await session.whenIdle();

    const after = events.slice(mark);
    const stats = after.filter((e) => e.event === 'stats.changed').at(-1);
    expect(stats?.payload).toMatchObject({ total: 2, tagged: 2, remaining: 0 });
    const counts = new Map<string, number>();
    for (const e of after.filter((e) => e.event === 'tags.changed')) {
      for (const { name, count } of (e.payload as { changes: { name: string; count: number }[] }).changes) counts.set(name, count);
    }
    expect(Object.fromEntries(counts)).toMatchObject({ cat: 2, dog: 1 });
    await workspace.shutdown();
  });

  it('adds every image of two bursts of new files, each written by a worker', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png']);
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const session = workspace.requireSession();
    // bursts of over 2,000: their rows go to a worker with ids given up front; the second lands as the first resync starts
    const burst = (from: number) => {
      for (let i = from; i < from + 2100; i++) copyFileSync(join(dir, 'a.png'), join(dir, `n${String(i).padStart(5, '0')}.png`));
    };
    burst(0);
    await new Promise((r) => setTimeout(r, IMAGES_SETTLE_MS + 100));
    burst(2100);
    for (let waited = 0; (await session.list()).length < 4201 && waited < 30_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
    await session.whenIdle();
    const names = (await session.list()).map((i) => i.name);
    expect(names).toHaveLength(4201);
    expect(new Set(names).size).toBe(4201);
    await workspace.shutdown();
  }, 60_000);

  it('watches the subfolders of a dataset tagged in place (kohya\'s 10_name/)', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['top.png', '10_cat/a.png', '10_cat/deeper/b.png']);
    const { workspace, events } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const b = (await workspace.requireSession().list()).find((i) => i.name === '10_cat/deeper/b.png')!;
    const mark = events.length;

    writeFileSync(join(dir, '10_cat', 'deeper', 'b.txt'), 'from, elsewhere');
    const changed = await nextEvent(events, (e) => e.event === 'caption.changed', mark);
    expect(changed.payload).toMatchObject({ source: 'disk', image: { id: b.id, caption: { tags: ['from', 'elsewhere'] } } });
    await workspace.shutdown();
  });
});
