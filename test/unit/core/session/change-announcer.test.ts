import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../../src-shared/contract';
import { ChangeCollector, changeOf } from '../../../../src-main/core/session/change-set';
import type { ImageEntry } from '../../../../src-main/core/session/image-entry';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** a.png and a.jpg share a.txt; b.png has its own */
async function openShared() {
  const dir = join(tmp.path, 'set');
  await makeImages(dir, ['a.png', 'a.jpg', 'b.png']);
  writeBytes(join(dir, 'a.txt'), 'shared');
  const { workspace, events } = makeWorkspace(tmp.path);
  await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  const session = workspace.requireSession();
  await session.whenIdle();
  const id = async (name: string) => (await session.list()).find((i) => i.name === name)!.id;
  events.length = 0;
  return { dir, workspace, events, session, png: await id('a.png'), jpg: await id('a.jpg') };
}

describe('the announcer', () => {
  it('an edit through one of two images sharing a caption file updates both rows, the stats and the tag panel', async () => {
    const { workspace, events, session, png, jpg } = await openShared();
    await session.setTags(png, ['shared', 'more'], 0);
    const rows = events
      .filter((e) => e.event === 'images.changed')
      .flatMap((e) => (e.payload as EventPayload<'images.changed'>).updated)
      .map((r) => [r.id, r.tagCount]);
    expect(rows.sort((a, b) => a[0]! - b[0]!)).toEqual([png, jpg].sort((a, b) => a - b).map((id) => [id, 2]));
    expect(events.some((e) => e.event === 'stats.changed')).toBe(true);
    expect(events.find((e) => e.event === 'tags.changed')?.payload).toEqual({ changes: [{ name: 'more', count: 2 }] });
    await workspace.shutdown();
  });

  it('a shared caption changed by another program reaches both images, each as a change from disk', async () => {
    const { dir, workspace, events, session, png, jpg } = await openShared();
    writeFileSync(join(dir, 'a.txt'), 'from, elsewhere');
    await session.editor.diskChanged('a.txt');
    const told = events
      .filter((e) => e.event === 'caption.changed')
      .map((e) => e.payload as EventPayload<'caption.changed'>)
      .map((p) => [p.image.id, p.source, p.image.caption.text]);
    expect(told.sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(
      [png, jpg].sort((a, b) => a - b).map((id) => [id, 'disk', 'from, elsewhere']),
    );
    expect(events.filter((e) => e.event === 'stats.changed').at(-1)?.payload).toMatchObject({ total: 3, tagged: 2 });
    await workspace.shutdown();
  });
});

describe('ChangeCollector', () => {
  const entry = (id: number) => ({ row: { id }, captionRel: `${id}.txt` }) as ImageEntry;

  it('names each image once, keeps the last source, and each tag at its latest count', () => {
    const [a, b] = [entry(1), entry(2)];
    const changes = new ChangeCollector();
    changes.add(changeOf({ rows: [a], captions: [{ entry: a, source: 'disk' }], tags: [{ name: 'x', count: 1 }] }));
    changes.add(changeOf({ rows: [a, b], captions: [{ entry: a, source: 'app' }], tags: [{ name: 'x', count: 2 }, { name: 'y', count: 1 }] }));
    const merged = changes.result();
    expect(merged.rows).toEqual([a, b]);
    expect(merged.captions).toEqual([{ entry: a, source: 'app' }]);
    expect(merged.tags).toEqual([
      { name: 'x', count: 2 },
      { name: 'y', count: 1 },
    ]);
    expect(merged.list || merged.info).toBe(false);
  });
});
