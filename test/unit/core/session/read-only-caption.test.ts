import { chmodSync, chownSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBatch } from '../../../../src-main/core/session/batch-edit';
import { undo } from '../../../../src-main/core/session/undo-redo';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { runFixture } from '../../../support/run-fixture';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const asRoot = process.getuid?.() === 0;

async function makeSet() {
  const dir = join(tmp.path, 'set');
  await makeImages(dir, ['a.png', 'b.png', 'c.png']);
  for (const stem of ['a', 'b', 'c']) writeBytes(join(dir, `${stem}.txt`), `${stem}, red`);
  return dir;
}

async function openSet(dir: string) {
  const { workspace } = makeWorkspace(tmp.path);
  await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  const session = workspace.requireSession();
  const items = await session.list();
  const id = (name: string) => items.find((i) => i.name === name)!.id;
  return { workspace, session, id };
}

const read = (dir: string, stem: string) => readFileSync(join(dir, `${stem}.txt`), 'utf8');
const modeOf = (dir: string, stem: string) => statSync(join(dir, `${stem}.txt`)).mode & 0o777;

// The check is on the file's permission bits, so it holds for root, who could
// write through them, as for anyone: these run in-process whoever runs them.
describe('a read-only caption (chmod 444)', () => {
  it('refuses a single edit with a message naming the file, and leaves file and mode as they were', async () => {
    const dir = await makeSet();
    chmodSync(join(dir, 'a.txt'), 0o444);
    const { workspace, session, id } = await openSet(dir);

    await expect(session.setTags(id('a.png'), ['a', 'red', 'blue'], 0)).rejects.toMatchObject({
      code: 'read-only',
      message: expect.stringMatching(/^a\.txt is read-only: /),
    });
    expect(read(dir, 'a')).toBe('a, red');
    expect(modeOf(dir, 'a')).toBe(0o444);
    // nothing else is held up: the next image takes its edit
    await session.setTags(id('b.png'), ['b', 'red', 'blue'], 0);
    expect(read(dir, 'b')).toBe('b, red, blue');
    await workspace.shutdown();
  });

  it('is listed by a batch edit as not changed, with the reason, while the rest change', async () => {
    const dir = await makeSet();
    chmodSync(join(dir, 'b.txt'), 0o444);
    const { workspace, session } = await openSet(dir);

    const result = await applyBatch(session, { kind: 'all' }, { type: 'add', tags: ['blue'], position: 'end' }, workspace.jobs);

    expect(result).toEqual({ changed: 2, conflicts: [], refused: [{ name: 'b.png', reason: expect.stringMatching(/^b\.txt is read-only: /) }] });
    expect([read(dir, 'a'), read(dir, 'b'), read(dir, 'c')]).toEqual(['a, red, blue', 'b, red', 'c, red, blue']);
    expect(modeOf(dir, 'b')).toBe(0o444);
    await workspace.shutdown();
  });

  it('made read-only after an edit is left alone and listed by undo, which puts the others back', async () => {
    const dir = await makeSet();
    const { workspace, session } = await openSet(dir);
    await applyBatch(session, { kind: 'all' }, { type: 'add', tags: ['blue'], position: 'end' }, workspace.jobs);
    chmodSync(join(dir, 'a.txt'), 0o444);

    expect(await undo(session)).toMatchObject({ restored: 2, conflicts: ['a.png'] });
    expect([read(dir, 'a'), read(dir, 'b'), read(dir, 'c')]).toEqual(['a, red, blue', 'b, red', 'c, red']);
    await workspace.shutdown();
  });
});

// Another user's caption (0644, owned by nobody) has a write bit, but not for
// this user: the atomic rename would replace it all the same (it needs only
// the folder). Root writes such a file anyway, so the fixture runs without
// root's overriding capabilities; making the file another user's needs root.
describe.skipIf(!asRoot)('a caption this user may not write (another user’s, 644)', () => {
  it('refuses the edit as read-only and leaves the file, its owner and its mode as they were', async () => {
    const dir = await makeSet();
    chmodSync(join(dir, 'a.txt'), 0o644);
    chownSync(join(dir, 'a.txt'), 65534, 65534);
    const base = join(tmp.path, 'base');
    const run = await runFixture(resolve(__dirname, 'fixtures/edit-caption-as-given.ts'), [dir, base, 'a.png', 'blue'], { permissionsApply: true });
    expect(run.err).toBe('');
    expect(JSON.parse(run.out)).toMatchObject({ ok: false, code: 'read-only', message: expect.stringMatching(/^a\.txt is read-only: /) });
    expect(read(dir, 'a')).toBe('a, red');
    expect(statSync(join(dir, 'a.txt')).uid).toBe(65534);
    expect(modeOf(dir, 'a')).toBe(0o644);
  });
});
