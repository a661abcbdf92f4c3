import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryLog } from '../../../src-main/core/history/history-log';
import { SessionStore } from '../../../src-main/core/store/session-store';
import { createIndexThreads, IndexThread } from '../../../src-main/workers/index-thread';
import { makeWorkspace } from '../../support/open-workspace';
import { makeImages } from '../../support/make-images';
import { makeTempDir } from '../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const row = (relPath: string, ord: number) => ({ relPath, ord, size: 1, mtimeMs: 1, width: null, height: null, format: null, probed: false });

describe('the index thread', () => {
  it('answers in the order asked: a read sent right after writes sees them all, and ids come from SQLite', async () => {
    const index = await IndexThread.open(join(tmp.path, 'session.sqlite'));
    const store = new SessionStore(index);
    const writes = Array.from({ length: 50 }, (_, i) => store.insertImages([row(`${i}.png`, i)]));
    const read = store.index.call('allImages');
    const ids = (await Promise.all(writes)).flat();
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await read).map((r) => r.relPath)).toEqual(Array.from({ length: 50 }, (_, i) => `${i}.png`));
    await index.close();
  });

  it('writes and reads more rows than one request carries, in order', async () => {
    const index = await IndexThread.open(join(tmp.path, 'session.sqlite'));
    const store = new SessionStore(index);
    const ids = await store.insertImages(Array.from({ length: 5000 }, (_, i) => row(`img-${i}.png`, i)));
    expect(new Set(ids).size).toBe(5000);
    const rows = await store.index.call('allImages');
    expect(rows.map((r) => r.id)).toEqual(ids);
    await index.close();
  });

  it('gives a failed request its code and message, and goes on answering', async () => {
    const index = await IndexThread.open(join(tmp.path, 'session.sqlite'));
    const store = new SessionStore(index);
    await store.insertImages([row('a.png', 0)]);
    // rel_path is unique: the second insert breaks the constraint
    await expect(store.insertImages([row('a.png', 1)])).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('UNIQUE') });
    expect((await store.index.call('allImages')).map((r) => r.relPath)).toEqual(['a.png']);
    await index.close();
  });

  it('refuses a database written by a newer version, with the reason', async () => {
    const path = join(tmp.path, 'session.sqlite');
    const db = new Database(path);
    db.pragma('user_version = 999');
    db.close();
    await expect(IndexThread.open(path)).rejects.toMatchObject({ code: 'newer-database', message: expect.stringContaining('newer LoRA Tagger') });
  });

  it('refuses a file that is not a database, with the reason', async () => {
    const path = join(tmp.path, 'session.sqlite');
    writeFileSync(path, 'this is not a database, just text long enough to have a header '.repeat(4));
    await expect(IndexThread.open(path)).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('not a database') });
  });

  it('killed, starts again on the same file: every acknowledged write is there; requests in flight fail with the reason', async () => {
    const index = await IndexThread.open(join(tmp.path, 'session.sqlite'));
    const store = new SessionStore(index);
    const log = new HistoryLog(index);
    await store.insertImages([row('a.png', 0), row('b.png', 1)]);
    const step = log.begin('Edit a.png');
    await step.record({ captionRel: 'a.txt', before: Buffer.from('old'), after: Buffer.from('new') });
    await step.finish();

    const inFlight = store.recentTags(5);
    await index.terminateThread();
    await expect(inFlight).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('stopped') });

    expect(index.restarts).toBe(1);
    expect((await store.index.call('allImages')).map((r) => r.relPath)).toEqual(['a.png', 'b.png']);
    expect(await log.nextUndo()).toMatchObject({ label: 'Edit a.png', files: [{ captionRel: 'a.txt', before: Buffer.from('old'), after: Buffer.from('new') }] });
    await index.close();
  });

  it('keeps an acknowledged caption edit across a killed index thread, on disk and in the undo log', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png', 'b.png']);
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const session = workspace.requireSession();
    const [a] = session.allEntries();
    await session.setTags(a!.row.id, ['blue', 'sky'], a!.caption.revision);
    await (session.store.index as IndexThread).terminateThread();

    // the next edit waits for the new thread and goes through
    const b = session.allEntries()[1]!;
    await session.setTags(b.row.id, ['red'], b.caption.revision);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('blue, sky');
    expect(readFileSync(join(dir, 'b.txt'), 'utf8')).toBe('red');
    expect(await session.history.state()).toMatchObject({ canUndo: true, undoLabel: 'Edit b.png' });
    await workspace.close();

    await workspace.open({ path: dir });
    const reopened = workspace.requireSession();
    expect((await reopened.list()).map((i) => [i.name, i.status])).toEqual([
      ['a.png', 'tagged'],
      ['b.png', 'tagged'],
    ]);
    await reopened.history.state();
    await workspace.shutdown();
  });

  it('of an api host, are started one ahead: each open takes the waiting thread, and a refused open leaves the next one working', async () => {
    const threads = createIndexThreads({ warmUpFolder: null });
    const first = await threads.open(join(tmp.path, 'one.sqlite'));
    const bad = join(tmp.path, 'bad.sqlite');
    writeFileSync(bad, 'not a database '.repeat(20));
    await expect(threads.open(bad)).rejects.toMatchObject({ code: 'io' });
    const second = await threads.open(join(tmp.path, 'two.sqlite'));
    await new SessionStore(first).insertImages([row('a.png', 0)]);
    await new SessionStore(second).insertImages([row('b.png', 0), row('c.png', 1)]);
    expect((await first.call('allImages')).map((r) => r.relPath)).toEqual(['a.png']);
    expect((await second.call('allImages')).map((r) => r.relPath)).toEqual(['b.png', 'c.png']);
    await first.close();
    await second.close();
    await threads.close();
  });

  it('of an api host, are kept when their folder closes: the next open gets that thread, warm, and each database keeps its own rows', async () => {
    const threads = createIndexThreads({ warmUpFolder: null });
    const first = await threads.open(join(tmp.path, 'one.sqlite'));
    const used = await (first as IndexThread).threadId();
    await new SessionStore(first).insertImages([row('a.png', 0)]);
    await first.close();

    const second = await threads.open(join(tmp.path, 'two.sqlite'));
    expect(await (second as IndexThread).threadId()).toBe(used);
    await new SessionStore(second).insertImages([row('b.png', 0)]);
    expect((await second.call('allImages')).map((r) => r.relPath)).toEqual(['b.png']);
    await second.close();

    const again = await threads.open(join(tmp.path, 'one.sqlite'));
    expect((await again.call('allImages')).map((r) => r.relPath)).toEqual(['a.png']);
    await again.close();
    await threads.close();
  });

  it('of an api host, the first started ahead makes its made-up folder once, in the cache, and answers an open that comes during its warm-up', async () => {
    const folder = join(tmp.path, 'cache', 'index-warm-up');
    const threads = createIndexThreads({ warmUpFolder: folder });
    const deadline = Date.now() + 20_000;
    while (!existsSync(folder) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    // the open comes while the thread syncs the folder it has just made: it stops, and the open is answered
    const index = await threads.open(join(tmp.path, 'one.sqlite'));
    await new SessionStore(index).insertImages([row('a.png', 0)]);
    expect((await index.call('allImages')).map((r) => r.relPath)).toEqual(['a.png']);
    expect(readdirSync(folder)).toHaveLength(1200);
    await index.close();
    await threads.close();
  });

  it('of an api host, the first started ahead skips its warm-up for an open that comes as it starts', async () => {
    const folder = join(tmp.path, 'cache', 'index-warm-up');
    const threads = createIndexThreads({ warmUpFolder: folder });
    const index = await threads.open(join(tmp.path, 'one.sqlite'));
    await new SessionStore(index).insertImages([row('a.png', 0)]);
    expect((await index.call('allImages')).map((r) => r.relPath)).toEqual(['a.png']);
    await index.close();
    await threads.close();
    expect(existsSync(folder)).toBe(false);
  });
});
