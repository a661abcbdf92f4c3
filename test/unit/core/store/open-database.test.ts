import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexDatabase } from '../../../../src-main/core/store/index-database';
import { openDatabase, PAGE_CACHE_KIB } from '../../../../src-main/core/store/open-database';

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
