import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WalCheckpointer } from '../../../../src-main/core/perf/wal-checkpointer';
import { closeProbePool, scanPool } from '../../../../src-main/core/scan/probe-images';
import { openDatabase } from '../../../../src-main/core/store/open-database';
import { SessionStore } from '../../../../src-main/core/store/session-store';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());
afterAll(() => closeProbePool());

describe('WAL checkpoints off the main thread', () => {
  it('keeps the WAL small while the main connection never checkpoints, and loses nothing', async () => {
    const path = join(tmp.path, 'session.sqlite');
    const store = new SessionStore(openDatabase(path));
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const text = 'long hair, blue eyes, '.repeat(50);
    const batch = (n: number) =>
      Array.from({ length: 500 }, (_, i) => ({ relPath: `b${n}/i${i}.png`, ord: i, size: 1, mtimeMs: 1, width: null, height: null, format: null, probed: false }));
    let largest = 0;
    for (let n = 0; n < 12; n++) {
      const ids = await store.insertImagesSliced(batch(n));
      store.upsertCaptions(ids.map((imageId) => ({ imageId, onDisk: true, fingerprint: 'f', size: 1, mtimeMs: 1, encoding: 'utf8', bom: false, lineEnding: 'none', text })));
      largest = Math.max(largest, statSync(`${path}-wal`).size);
      // about a second between batches: the background checkpointer looks once a second
      await new Promise((r) => setTimeout(r, 1100));
    }
    // twelve batches of ~0.6 MB each: without checkpoints the WAL would hold all of them
    expect(largest).toBeLessThan(6 << 20);
    expect(store.images()).toHaveLength(6000);
    // closing copies the WAL back off the main thread; the worker's connection, closing last, deletes it
    await store.insertImagesSliced(batch(99));
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    await store.closeOffThread();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = new SessionStore(openDatabase(path));
    expect(again.captions()).toHaveLength(6000);
    expect(again.images()).toHaveLength(6500);
    again.close();
  }, 60_000);

  it('leaves SQLite\'s closing work to the worker: its connection stays open until the main one has closed', async () => {
    const path = join(tmp.path, 'handoff.sqlite');
    const db = openDatabase(path);
    const checkpointer = new WalCheckpointer(db, (file, mode, hold) => scanPool().run({ checkpoint: file, mode, hold }));
    checkpointer.start();
    db.exec("CREATE TABLE handoff (x TEXT); INSERT INTO handoff VALUES ('kept')");
    const release = await checkpointer.settle();
    expect(statSync(`${path}-wal`).size).toBe(0); // copied back and emptied by the worker
    db.close();
    // the main connection was not the last, so it left the WAL file for the worker's to delete
    expect(existsSync(`${path}-wal`)).toBe(true);
    await release();
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = openDatabase(path);
    expect(again.prepare('SELECT x FROM handoff').pluck().all()).toEqual(['kept']);
    again.close();
  });

  it('settles after the checkpoint in flight, never two at once, and starts none after', async () => {
    const db = openDatabase(join(tmp.path, 'race.sqlite'));
    let active = 0;
    let most = 0;
    const calls: string[] = [];
    const checkpointer = new WalCheckpointer(db, async (_path, mode) => {
      active++;
      most = Math.max(most, active);
      calls.push(mode);
      await new Promise((r) => setTimeout(r, 400));
      active--;
    });
    expect(checkpointer.start()).toBe(true);
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(500));
    })();
    // the periodic check (every 500 ms) finds a large WAL and starts a passive checkpoint
    await new Promise((r) => setTimeout(r, 700));
    expect(calls).toEqual(['passive']);
    await (await checkpointer.settle())();
    expect(calls).toEqual(['passive', 'truncate']);
    expect(most).toBe(1);
    await new Promise((r) => setTimeout(r, 1200));
    expect(calls).toEqual(['passive', 'truncate']);
    checkpointer.stop();
    db.close();
  });
});

