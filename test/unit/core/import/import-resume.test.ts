import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/store/open-database';
import { SessionStore } from '../../../../src-main/core/store/session-store';
import { localIndex } from '../../../support/local-index';
import { makeImage } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { runFixture } from '../../../support/run-fixture';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** `count` PNGs, each with bytes of its own (a trailer after the image data), named in natural order */
async function makeOriginals(dir: string, count: number, from = 1): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const base = join(tmp.path, 'base.png');
  await makeImage(base);
  const bytes = readFileSync(base);
  const names: string[] = [];
  for (let i = from; i < from + count; i++) {
    const name = `photo-${i}.png`;
    writeFileSync(join(dir, name), Buffer.concat([bytes, Buffer.from(`original ${i}`)]));
    names.push(name);
  }
  return names;
}

/** a folder of `count` originals, imported once and closed again */
async function importedFolder(count: number) {
  const root = join(tmp.path, 'photos');
  const names = await makeOriginals(root, count);
  const { workspace } = makeWorkspace(tmp.path);
  await workspace.open({ path: root, setup: { mode: 'import', outputDir: 'output', prefix: 'img' } });
  await workspace.close();
  return { root, names, workspace };
}

/** every original in output as `img_NNN.png` in natural order, each exactly once, with an empty caption, and nothing else */
function expectImportedOnce(root: string, names: readonly string[]): void {
  const out = join(root, 'output');
  const files = readdirSync(out).filter((n) => n !== '.lora-tagger');
  const images = files.filter((n) => n.endsWith('.png')).sort();
  expect(images).toEqual(names.map((_, i) => `img_${String(i + 1).padStart(3, '0')}.png`));
  names.forEach((name, i) => expect(readFileSync(join(out, images[i]!))).toEqual(readFileSync(join(root, name))));
  expect(files.filter((n) => !n.endsWith('.png')).sort()).toEqual(images.map((n) => n.replace('.png', '.txt')).sort());
}

describe('an import cut short', () => {
  it('is finished on the next open after the process was killed mid-import: every original once, in order', async () => {
    const root = join(tmp.path, 'photos');
    const names = await makeOriginals(root, 400);
    const { out, err, signal } = await runFixture(resolve(__dirname, 'fixtures/import-then-die.ts'), [root, tmp.path, '64']);
    expect(err).toBe('');
    expect(out).toMatch(/killed at \d+/);
    expect(signal).toBe('SIGKILL');
    const before = readdirSync(join(root, 'output')).filter((n) => n.endsWith('.png')).length;
    expect(before).toBeLessThan(names.length);

    const { workspace } = makeWorkspace(tmp.path);
    const info = await workspace.open({ path: root });
    expect(info.stats.total).toBe(names.length);
    expectImportedOnce(root, names);
    const list = await workspace.requireSession().list();
    expect(list.map((i) => i.name)).toEqual(names.map((_, i) => `img_${String(i + 1).padStart(3, '0')}.png`));
    await workspace.shutdown();
  }, 60_000);

  it('finishes planned copies under their names: one made, one not, one whose original is gone', async () => {
    const { root, names, workspace } = await importedFolder(4);

    // the state a kill leaves: photo-2's copy made but not recorded, photo-3's not made (a torn
    // temp beside it), and a plan for an original that has since been deleted
    const out = join(root, 'output');
    for (const n of ['img_002.png', 'img_002.txt', 'img_003.png', 'img_003.txt', 'img_004.png', 'img_004.txt']) rmSync(join(out, n));
    copyFileSync(join(root, 'photo-2.png'), join(out, 'img_002.png'));
    writeFileSync(join(out, '.img_003.png.importing'), 'torn');
    writeFileSync(join(root, 'gone.png'), 'x');
    const db = openDatabase(join(out, '.lora-tagger', 'session.sqlite'));
    db.prepare("UPDATE imports SET copied = 0 WHERE source_rel IN ('photo-2.png', 'photo-3.png')").run();
    db.prepare("DELETE FROM imports WHERE source_rel = 'photo-4.png'").run();
    db.prepare("DELETE FROM images WHERE rel_path IN ('img_002.png', 'img_003.png', 'img_004.png')").run();
    await new SessionStore(localIndex(db)).addImports([{ sourceRel: 'gone.png', size: 1, mtimeMs: 1, imageRel: 'img_009.png', copied: false }]);
    db.close();
    rmSync(join(root, 'gone.png'));

    const info = await workspace.open({ path: root });
    expect(info.stats.total).toBe(4);
    expectImportedOnce(root, names);
    expect((await workspace.requireSession().store.imports()).map((r) => [r.sourceRel, r.imageRel, r.copied]).sort()).toEqual([
      ['photo-1.png', 'img_001.png', true],
      ['photo-2.png', 'img_002.png', true],
      ['photo-3.png', 'img_003.png', true],
      ['photo-4.png', 'img_004.png', true],
    ]);
    await workspace.shutdown();
  });

  it('keeps the copies made before a cancel, forgets the rest, and imports the rest once on the next open', async () => {
    const { root, names: first, workspace } = await importedFolder(2);

    const more = await makeOriginals(root, 400, 3);
    const stop = workspace.bus.subscribe((event, payload) => {
      const p = payload as { kind?: string; done?: number; jobId?: string };
      if (event === 'job.progress' && p.kind === 'import' && (p.done ?? 0) >= 64) workspace.jobs.cancel(p.jobId!);
    });
    await expect(workspace.open({ path: root })).rejects.toMatchObject({ code: 'cancelled' });
    stop();
    const out = join(root, 'output');
    const made = readdirSync(out).filter((n) => n.endsWith('.png')).length;
    expect(made).toBeGreaterThan(2);
    expect(made).toBeLessThan(402);
    expect(readdirSync(out).filter((n) => n.endsWith('.importing'))).toEqual([]);

    await workspace.open({ path: root });
    expectImportedOnce(root, [...first, ...more]);
    expect((await workspace.requireSession().store.imports()).every((r) => r.copied)).toBe(true);
    await workspace.shutdown();
  }, 60_000);
});
