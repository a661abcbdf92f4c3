import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBatch } from '../../../../src-main/core/session/batch-edit';
import { makeImage, makeImages } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const inPlace = { mode: 'in-place', outputDir: 'output', prefix: 'img' } as const;

/** a.png … d.png, each with a caption of its own letter, opened once and closed */
async function folderOpenedBefore(): Promise<{ dir: string; ws: ReturnType<typeof makeWorkspace> }> {
  const dir = join(tmp.path, 'set');
  await makeImages(dir, ['a.png', 'b.png', 'c.png', 'd.png']);
  for (const n of ['a', 'b', 'c', 'd']) writeFileSync(join(dir, `${n}.txt`), `tag ${n}, shared`);
  const ws = makeWorkspace(tmp.path);
  await ws.workspace.open({ path: dir, setup: inPlace });
  await ws.workspace.requireSession().whenIdle(); // headers checked: nothing left for the reopen to do
  await ws.workspace.close();
  return { dir, ws };
}

describe('a reopen shows the index, then what changed while the folder was closed', () => {
  it('takes edited, added, removed, resized and unreadable files, with the counts', async () => {
    const { dir, ws } = await folderOpenedBefore();
    // another program, while the folder is closed
    writeFileSync(join(dir, 'a.txt'), 'edited elsewhere, shared');
    rmSync(join(dir, 'c.png'));
    await makeImage(join(dir, 'e.png'), { seed: 5 });
    writeFileSync(join(dir, 'e.txt'), 'tag e');
    await makeImage(join(dir, 'd.png'), { width: 100, height: 30, seed: 9 });
    rmSync(join(dir, 'b.txt'));
    mkdirSync(join(dir, 'b.txt'));

    await ws.workspace.open({ path: dir });
    const s = ws.workspace.requireSession();
    await s.whenIdle();

    const items = await s.list();
    expect(items.map((i) => i.name)).toEqual(['a.png', 'b.png', 'd.png', 'e.png']);
    const byName = new Map(items.map((i) => [i.name, i]));
    expect(s.detail(byName.get('a.png')!.id).caption.text).toBe('edited elsewhere, shared');
    expect(s.detail(byName.get('b.png')!.id).caption.text).toBe('');
    expect(byName.get('d.png')).toMatchObject({ width: 100, height: 30 });
    expect(s.detail(byName.get('e.png')!.id).caption.tags).toEqual(['tag e']);
    expect(s.info().stats).toMatchObject({ total: 4, tagged: 3, remaining: 1 });
    const counts = new Map(s.tagList().map((t) => [t.name, t.count]));
    expect(counts.get('shared')).toBe(2);
    expect(counts.get('edited elsewhere')).toBe(1);
    expect(counts.has('tag a')).toBe(false);
    expect(counts.has('tag b')).toBe(false);
    expect(s.info().skippedFiles.map((f) => f.name)).toContain('b.txt');
    // the renderer was told: the list again, and the caption another program changed
    const told = ws.events.slice(-20).map((e) => e.event);
    expect(told).toContain('images.changed');
    await ws.workspace.shutdown();
  });

  it('refuses an edit made before the check over a caption another program changed: a conflict, the disk untouched', async () => {
    const { dir, ws } = await folderOpenedBefore();
    writeFileSync(join(dir, 'a.txt'), 'edited elsewhere');

    await ws.workspace.open({ path: dir });
    const s = ws.workspace.requireSession();
    const a = (await s.list())[0]!;
    // still the index's text: the check has not landed
    const shown = s.detail(a.id).caption;
    // the edit meets the changed file, or the check's news of it first: either way a conflict, both texts kept
    const refused = await s.setTags(a.id, [...shown.tags, 'mine'], shown.revision).then(
      (d) => d.conflict !== null,
      (err: { code?: string }) => err.code === 'conflict',
    );
    await s.whenIdle();

    expect(refused).toBe(true);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('edited elsewhere');
    expect(s.detail(a.id).conflict).toEqual({ diskText: 'edited elsewhere', mineText: 'tag a, shared, mine' });
    await ws.workspace.shutdown();
  });

  it('runs a batch asked for at once on the captions as the folder has them: it waits for the check', async () => {
    const { dir, ws } = await folderOpenedBefore();
    writeFileSync(join(dir, 'a.txt'), 'edited elsewhere');

    await ws.workspace.open({ path: dir });
    const s = ws.workspace.requireSession();
    const outcome = await applyBatch(s, { kind: 'all' }, { type: 'add', tags: ['batch'], position: 'end' }, ws.workspace.jobs);

    expect(outcome).toMatchObject({ changed: 4, refused: [] });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('edited elsewhere, batch');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('tag b, shared, batch');
    await ws.workspace.shutdown();
  });

  it('holds steps over many captions until what they wait for is done, and not a single edit', async () => {
    const { dir, ws } = await folderOpenedBefore();
    await ws.workspace.open({ path: dir });
    const s = ws.workspace.requireSession();
    await s.whenIdle();
    let release!: () => void;
    s.stepsWaitFor(new Promise<void>((resolve) => (release = resolve)));
    const order: string[] = [];
    const step = s.runStep(async () => void order.push('step'));
    const [a] = await s.list();
    await s.setTags(a!.id, ['single'], s.detail(a!.id).caption.revision);
    order.push('single edit');
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual(['single edit']);
    release();
    await step;
    expect(order).toEqual(['single edit', 'step']);
    await ws.workspace.shutdown();
  });

  it('reads nothing again when nothing changed: the list, the captions and their ids are the index’s', async () => {
    const { dir, ws } = await folderOpenedBefore();
    const info = await ws.workspace.open({ path: dir });
    expect(info.stats).toMatchObject({ total: 4, tagged: 4 });
    const s = ws.workspace.requireSession();
    const before = (await s.list()).map((i) => [i.id, s.detail(i.id).caption.revision]);
    const eventsAtOpen = ws.events.length;
    await s.whenIdle();
    expect((await s.list()).map((i) => [i.id, s.detail(i.id).caption.revision])).toEqual(before);
    expect(ws.events.slice(eventsAtOpen).filter((e) => e.event === 'images.changed')).toEqual([]);
    await ws.workspace.shutdown();
  });
});
