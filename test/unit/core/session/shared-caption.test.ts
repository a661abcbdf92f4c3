import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBatch } from '../../../../src-main/core/session/batch-edit';
import { undo } from '../../../../src-main/core/session/undo-redo';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** a.png and a.jpg share a.txt, as in every trainer */
async function openClash() {
  const dir = join(tmp.path, 'set');
  await makeImages(dir, ['a.png', 'a.jpg', 'b.png']);
  writeBytes(join(dir, 'a.txt'), 'shared');
  const { workspace } = makeWorkspace(tmp.path);
  await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  const session = workspace.requireSession();
  const id = async (name: string) => (await session.list()).find((i) => i.name === name)!.id;
  return { dir, workspace, session, png: await id('a.png'), jpg: await id('a.jpg') };
}

describe('two images sharing one caption file', () => {
  it('an edit through one shows on both at once, and its undo restores both', async () => {
    const { dir, workspace, session, png, jpg } = await openClash();
    await session.setTags(png, ['shared', 'more'], 0);
    expect(session.detail(jpg).caption.tags).toEqual(['shared', 'more']);
    expect(session.tagCounts().get('more')).toBe(2);
    await undo(session);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('shared');
    expect(session.detail(png).caption.tags).toEqual(['shared']);
    expect(session.detail(jpg).caption.tags).toEqual(['shared']);
    expect(session.tagCounts().has('more')).toBe(false);
    await workspace.shutdown();
  });

  it('a batch over both writes the file once and records it once', async () => {
    const { dir, workspace, session } = await openClash();
    expect(await applyBatch(session, { kind: 'all' }, { type: 'add', tags: ['x'], position: 'end' }, workspace.jobs)).toEqual({
      changed: 3,
      conflicts: [],
      refused: [],
    });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('shared, x');
    expect((await session.history.nextUndo())?.files.map((f) => f.captionRel)).toEqual(['a.txt', 'b.txt']);
    await undo(session);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('shared');
    await workspace.shutdown();
  });

  it('a batch edit that would apply again to its own result edits the shared file once', async () => {
    const { dir, workspace, session } = await openClash();
    const op = { type: 'replace', find: 'a', replace: 'aa', mode: 'plain', scope: 'inside-tags', caseSensitive: true } as const;
    await applyBatch(session, { kind: 'all' }, op, workspace.jobs);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('shaared');
    await undo(session);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('shared');
    await workspace.shutdown();
  });
});
