import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexDatabase } from '../../../../src-main/core/store/index-database';
import { openDatabase, PAGE_CACHE_KIB, WAL_KEPT_BYTES } from '../../../../src-main/core/store/open-database';

describe('openDatabase', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('opens in WAL mode with a page cache of SQLite’s default size, not better-sqlite3’s 16 MB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'open-db-'));
    dirs.push(dir);
    const db = openDatabase(join(dir, '.lora-tagger', 'session.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      // negative: a size in KiB; closing frees the whole cache in one synchronous call on the main thread
      expect(db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
      expect(PAGE_CACHE_KIB).toBeLessThanOrEqual(2000);
    } finally {
      db.close();
    }
  });

  it('lets the WAL grow well past SQLite’s 4 MB before copying it back, and cuts the file back after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wal-db-'));
    dirs.push(dir);
    const path = join(dir, '.lora-tagger', 'session.sqlite');
    const db = openDatabase(path);
    try {
      db.exec('CREATE TABLE t (x TEXT)');
      const insert = db.prepare('INSERT INTO t VALUES (?)');
      const text = 'x'.repeat(3500); // about a page a row
      const write = (rows: number) => db.transaction(() => { for (let i = 0; i < rows; i++) insert.run(text); })();
      const walBytes = () => statSync(`${path}-wal`).size;
      // 24 MB written: with SQLite's default of 1,000 pages it would have been copied back five times, each an fsync
      for (let k = 0; k < 24; k++) write(256);
      expect(walBytes()).toBeGreaterThan(20 * 1024 * 1024);
      // past 10,000 pages it is copied back, and the file cut to WAL_KEPT_BYTES when it is written from the start again
      for (let k = 0; k < 18; k++) write(256);
      expect(walBytes()).toBeLessThanOrEqual(WAL_KEPT_BYTES + 64 * 1024);
    } finally {
      db.close();
    }
  });

  it('warms up on a database in memory: nothing is written where the thread happens to run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warm-db-'));
    dirs.push(dir);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      IndexDatabase.warmUp();
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
