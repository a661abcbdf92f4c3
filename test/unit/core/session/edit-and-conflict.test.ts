import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

async function openSet() {
  const dir = join(tmp.path, 'set');
  await makeImages(dir, ['a.png', 'b.png', 'c.png']);
  writeBytes(join(dir, 'a.txt'), 'red, blue');
  const { workspace, events } = makeWorkspace(tmp.path);
  await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  const session = workspace.requireSession();
  const a = (await session.list()).find((i) => i.name === 'a.png')!;
  return { dir, workspace, events, session, a };
}

describe('editing tags', () => {
  it('writes the tags joined by ", " as typed, and refuses a duplicate without writing', async () => {
    const { dir, workspace, session, a } = await openSet();
    const d = await session.setTags(a.id, ['red', 'blue', 'Green Hat', '(smile:1.1)', '🌸', 'long_hair'], 0);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('red, blue, Green Hat, (smile:1.1), 🌸, long_hair');
    expect(d.caption.revision).toBe(1);
    await expect(session.setTags(a.id, ['red', 'red'], 1)).rejects.toMatchObject({ code: 'duplicate-tag' });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('red, blue, Green Hat, (smile:1.1), 🌸, long_hair');
    await workspace.shutdown();
  });

  it('keeps tag counts in step with edits', async () => {
    const { workspace, session, a } = await openSet();
    const b = (await session.list()).find((i) => i.name === 'b.png')!;
    await session.setTags(b.id, ['blue'], 0);
    expect(session.tagList()).toEqual([
      { name: 'blue', count: 2 },
      { name: 'red', count: 1 },
    ]);
    await session.setTags(a.id, ['green'], 0);
    expect(session.tagList()).toEqual([
      { name: 'blue', count: 1 },
      { name: 'green', count: 1 },
    ]);
    await workspace.shutdown();
  });
});

describe('conflicts', () => {
  it('refuses to overwrite a caption another program changed, and keeps both versions', async () => {
    const { dir, workspace, events, session, a } = await openSet();
    writeFileSync(join(dir, 'a.txt'), 'written elsewhere');

    await expect(session.setTags(a.id, ['red', 'blue', 'mine'], 0)).rejects.toMatchObject({ code: 'conflict' });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('written elsewhere');
    const detail = session.detail(a.id);
    expect(detail.conflict).toEqual({ diskText: 'written elsewhere', mineText: 'red, blue, mine' });
    expect(events.some((e) => e.event === 'caption.changed')).toBe(true);

    // further edits wait until the user chooses
    await expect(session.setTags(a.id, ['x'], detail.caption.revision)).rejects.toMatchObject({ code: 'conflict' });

    const resolved = await session.resolveConflict(a.id, 'mine');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('red, blue, mine');
    expect(resolved.conflict).toBeNull();
    await workspace.shutdown();
  });

  it('keeping the disk version adopts it without writing', async () => {
    const { dir, workspace, session, a } = await openSet();
    writeFileSync(join(dir, 'a.txt'), 'theirs');
    await expect(session.setTags(a.id, ['mine'], 0)).rejects.toMatchObject({ code: 'conflict' });
    const resolved = await session.resolveConflict(a.id, 'disk');
    expect(resolved.caption.tags).toEqual(['theirs']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('theirs');
    await workspace.shutdown();
  });

  it('treats an edit made on a stale copy as a conflict', async () => {
    const { dir, workspace, session, a } = await openSet();
    await session.setTags(a.id, ['one'], 0);
    await expect(session.setTags(a.id, ['two'], 0)).rejects.toMatchObject({ code: 'conflict' });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('one');
    expect(session.detail(a.id).conflict).toEqual({ diskText: 'one', mineText: 'two' });
    await workspace.shutdown();
  });

  it('picks up an edit from another program when there is nothing pending', async () => {
    const { dir, workspace, events, session, a } = await openSet();
    writeFileSync(join(dir, 'a.txt'), 'from, elsewhere');
    await session.editor.diskChanged('a.txt');
    expect(session.detail(a.id).caption.tags).toEqual(['from', 'elsewhere']);
    expect(events.filter((e) => e.event === 'caption.changed').at(-1)?.payload).toMatchObject({ source: 'disk' });
    await workspace.shutdown();
  });
});
