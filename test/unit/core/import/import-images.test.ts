import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importImages, startNewImport } from '../../../../src-main/core/import/import-images';
import { highestNumber, importName } from '../../../../src-main/core/import/import-naming';
import { SIZE_NOT_KNOWN } from '../../../../src-main/core/scan/walk-folder';
import { SessionStore } from '../../../../src-main/core/store/session-store';
import { IndexThread } from '../../../../src-main/workers/index-thread';
import { createThreadPools } from '../../../../src-main/workers/thread-pools';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('import naming', () => {
  it('numbers on from the highest number present, three digits at least', () => {
    expect(highestNumber(['img_001.png', 'img_012.jpg', 'img_7.png', 'other_99.png', 'img_x.png'], 'img')).toBe(12);
    expect(importName('img', 13, 'JPG')).toBe('img_013.jpg');
    expect(importName('set', 1234, 'png')).toBe('set_1234.png');
  });
});

describe('importImages through a session', () => {
  it('copies valid images in natural order with an empty caption beside each, originals untouched', async () => {
    const root = join(tmp.path, 'photos');
    await makeImages(root, ['BG-10.png', 'BG-2.jpg', 'BG-1.webp', 'sub/z.png']);
    writeBytes(join(root, 'notes.png'), 'this is text, not an image');
    const before = readdirSync(root).map((n) => [n, statSync(join(root, n)).mtimeMs]);
    const { workspace } = makeWorkspace(tmp.path);

    const info = await workspace.open({ path: root, setup: { mode: 'import', outputDir: 'output', prefix: 'img' } });

    const out = join(root, 'output');
    const files = readdirSync(out).filter((n) => !n.startsWith('.')).sort();
    expect(files).toEqual(['img_001.webp', 'img_001.txt', 'img_002.jpg', 'img_002.txt', 'img_003.png', 'img_003.txt', 'img_004.png', 'img_004.txt'].sort());
    // BG-1 → 001, BG-2 → 002, BG-10 → 003, sub/z → 004: same bytes as the originals
    expect(readFileSync(join(out, 'img_001.webp'))).toEqual(readFileSync(join(root, 'BG-1.webp')));
    expect(readFileSync(join(out, 'img_003.png'))).toEqual(readFileSync(join(root, 'BG-10.png')));
    expect(readFileSync(join(out, 'img_004.png'))).toEqual(readFileSync(join(root, 'sub/z.png')));
    for (const t of files.filter((f) => f.endsWith('.txt'))) expect(readFileSync(join(out, t)).length).toBe(0);
    expect(readdirSync(root).filter((n) => n !== 'output').map((n) => [n, statSync(join(root, n)).mtimeMs])).toEqual(before);
    expect(info.mode).toBe('import');
    expect(info.stats.total).toBe(4);
    expect(info.skippedFiles).toEqual([{ name: 'notes.png', reason: expect.stringMatching(/not a readable image/) }]);
    await workspace.shutdown();
  });

  it('imports only new images on reopen and numbers them after the highest', async () => {
    const root = join(tmp.path, 'photos');
    await makeImages(root, ['a.png', 'b.png']);
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: root, setup: { mode: 'import', outputDir: 'out', prefix: 'cat' } });
    await workspace.close();

    await makeImages(root, ['c.png']);
    const info = await workspace.open({ path: root });
    const names = (await workspace.requireSession().list()).map((i) => i.name);
    expect(names).toEqual(['cat_001.png', 'cat_002.png', 'cat_003.png']);
    expect(info.stats.total).toBe(3);
    expect(readFileSync(join(root, 'out', 'cat_003.png'))).toEqual(readFileSync(join(root, 'c.png')));
    await workspace.shutdown();
  });

  it('refuses a folder with no images and leaves nothing behind', async () => {
    const root = join(tmp.path, 'empty');
    writeBytes(join(root, 'readme.txt'), 'hello');
    const { workspace } = makeWorkspace(tmp.path);
    await expect(workspace.open({ path: root, setup: { mode: 'import', outputDir: 'output', prefix: 'img' } })).rejects.toMatchObject({
      code: 'no-images',
    });
    expect(readdirSync(root)).toEqual(['readme.txt']);
    await expect(workspace.open({ path: root, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } })).rejects.toMatchObject({
      code: 'no-images',
    });
    expect(readdirSync(root)).toEqual(['readme.txt']);
    await workspace.shutdown();
  });
});

describe('the list a new import shows', () => {
  const labels = (events: ReturnType<typeof makeWorkspace>['events']) =>
    events.filter((e) => e.event === 'job.progress').map((e) => (e.payload as { label: string }).label);

  it('is its copies as the import recorded them, in natural order, no caption read first; the folder is checked after, and nothing is read again', async () => {
    const root = join(tmp.path, 'photos');
    // more than a chunk of header checks, copied in two lanes whose batches land in either order
    const names = Array.from({ length: 300 }, (_, i) => `p${i + 1}.png`);
    await makeImages(root, names);
    const { workspace, events } = makeWorkspace(tmp.path);
    const info = await workspace.open({ path: root, setup: { mode: 'import', outputDir: 'out', prefix: 'img' } });
    expect(info.stats.total).toBe(300);
    expect(labels(events)).not.toContain('Reading captions');
    const s = workspace.requireSession();
    const listed = (await s.list()).map((i) => i.name);
    expect(listed).toEqual(names.map((_, i) => importName('img', i + 1, 'png')));
    expect(readFileSync(join(root, 'out', listed[299]!))).toEqual(readFileSync(join(root, 'p300.png')));
    const revisions = (await s.list()).map((i) => [i.id, s.detail(i.id).caption.revision]);
    const eventsAtOpen = events.length;
    await s.whenIdle();
    expect(labels(events)).toContain('Checking the folder for changes');
    expect((await s.list()).map((i) => [i.id, s.detail(i.id).caption.revision])).toEqual(revisions);
    expect(events.slice(eventsAtOpen).filter((e) => e.event === 'images.changed')).toEqual([]);
    await workspace.shutdown();
  });

  it('is read from the folder where the output folder held files of its own: those are listed too, their captions with them', async () => {
    const root = join(tmp.path, 'photos');
    await makeImages(root, ['a.png', 'b.png']);
    await makeImages(join(root, 'out'), ['mine.png']);
    writeBytes(join(root, 'out', 'mine.txt'), 'kept, as it was');
    const { workspace, events } = makeWorkspace(tmp.path);
    const info = await workspace.open({ path: root, setup: { mode: 'import', outputDir: 'out', prefix: 'img' } });
    expect(info.stats).toMatchObject({ total: 3, tagged: 1 });
    expect(labels(events)).toContain('Reading captions');
    const s = workspace.requireSession();
    const items = await s.list();
    expect(items.map((i) => i.name)).toEqual(['img_001.png', 'img_002.png', 'mine.png']);
    expect(s.detail(items[2]!.id).caption.tags).toEqual(['kept', 'as it was']);
    await workspace.shutdown();
  });
});

describe('the originals an import could not take', () => {
  it('stay among the skipped files once the folder is checked, on the first open and on a reopen', async () => {
    const root = join(tmp.path, 'photos');
    await makeImages(root, ['a.png', 'b.png']);
    symlinkSync(join(tmp.path, 'nowhere.png'), join(root, 'dangling.png'));
    const { workspace } = makeWorkspace(tmp.path);
    const skipped = async () => {
      const s = workspace.requireSession();
      await s.whenIdle();
      return s.info().skippedFiles.map((f) => f.name);
    };
    await workspace.open({ path: root, setup: { mode: 'import', outputDir: 'out', prefix: 'img' } });
    expect(await skipped()).toEqual(['dangling.png']);
    await workspace.close();
    await workspace.open({ path: root });
    expect(await skipped()).toEqual(['dangling.png']);
    await workspace.shutdown();
  });
});

describe('a new import’s head start (taken while its database is made)', () => {
  const job = { signal: new AbortController().signal, progress: () => undefined };

  it('imports in natural order with the head start’s checks, the bad file refused', async () => {
    const root = join(tmp.path, 'photos');
    await makeImages(root, ['b10.png', 'b2.png', 'b1.png']);
    writeBytes(join(root, 'b3.png'), 'not an image');
    const out = join(root, 'out');
    const pools = createThreadPools();
    const headStart = startNewImport(pools.scan, root, out);
    const store = new SessionStore(await IndexThread.open(join(out, '.lora-tagger', 'session.sqlite')));
    try {
      const outcome = await importImages(pools.scan, root, out, 'img', store, job, headStart);
      expect(outcome.imported).toBe(3);
      expect(outcome.invalid.map((f) => f.relPath)).toEqual(['b3.png']);
      expect(readFileSync(join(out, 'img_001.png'))).toEqual(readFileSync(join(root, 'b1.png')));
      expect(readFileSync(join(out, 'img_002.png'))).toEqual(readFileSync(join(root, 'b2.png')));
      expect(readFileSync(join(out, 'img_003.png'))).toEqual(readFileSync(join(root, 'b10.png')));
    } finally {
      await store.close();
      await pools.close();
    }
  });

  it('records each original with its size and mtime as its header check found them, the walk having listed names only', async () => {
    const root = join(tmp.path, 'photos');
    await makeImages(root, ['b1.png', 'b2.png']);
    writeBytes(join(root, 'b3.png'), 'not an image');
    const out = join(root, 'out');
    const pools = createThreadPools();
    const headStart = startNewImport(pools.scan, root, out);
    expect((await headStart).listing.images.map((f) => f.size)).toEqual([SIZE_NOT_KNOWN, SIZE_NOT_KNOWN, SIZE_NOT_KNOWN]);
    const store = new SessionStore(await IndexThread.open(join(out, '.lora-tagger', 'session.sqlite')));
    try {
      await importImages(pools.scan, root, out, 'img', store, job, headStart);
      const onDisk = (rel: string) => ({ size: statSync(join(root, rel)).size, mtimeMs: statSync(join(root, rel)).mtimeMs });
      const rows = await store.imports();
      expect(rows.map((r) => ({ rel: r.sourceRel, size: r.size, mtimeMs: r.mtimeMs }))).toEqual(['b1.png', 'b2.png'].map((rel) => ({ rel, ...onDisk(rel) })));
      expect(await store.invalidFiles()).toEqual([{ relPath: 'b3.png', ...onDisk('b3.png'), reason: expect.stringMatching(/not a readable image/) }]);
    } finally {
      await store.close();
      await pools.close();
    }
  });

  it('is not taken where the index records imports already: those are not copied again', async () => {
    const root = join(tmp.path, 'photos');
    await makeImages(root, ['a.png', 'b.png']);
    const out = join(root, 'out');
    const pools = createThreadPools();
    const store = new SessionStore(await IndexThread.open(join(out, '.lora-tagger', 'session.sqlite')));
    try {
      expect((await importImages(pools.scan, root, out, 'img', store, job)).imported).toBe(2);
      await makeImages(root, ['c.png']);
      const outcome = await importImages(pools.scan, root, out, 'img', store, job, startNewImport(pools.scan, root, out));
      expect(outcome).toMatchObject({ imported: 1, alreadyImported: 2 });
      expect(readdirSync(out).filter((n) => n.endsWith('.png')).sort()).toEqual(['img_001.png', 'img_002.png', 'img_003.png']);
      expect(readFileSync(join(out, 'img_003.png'))).toEqual(readFileSync(join(root, 'c.png')));
    } finally {
      await store.close();
      await pools.close();
    }
  });
});
