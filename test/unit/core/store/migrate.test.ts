import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';
import type { Migration } from '../../../../src-main/core/store/migrations/migration';

describe('migrate', () => {
  it('brings a new database to the latest version with every table', () => {
    const db = new Database(':memory:');
    expect(migrate(db, migrations)).toEqual({ from: 0, to: migrations.length });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['captions', 'images', 'imports', 'invalid_files', 'recent_tags', 'settings']),
    );
  });

  it('is a no-op on a database already at the latest version', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    expect(migrate(db, migrations)).toEqual({ from: migrations.length, to: migrations.length });
  });

  it('refuses a database written by a newer version, and leaves it alone', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db, migrations)).toThrow(/newer LoRA Tagger/);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
  });

  it('refuses migrations out of order', () => {
    const bad: Migration[] = [{ version: 2, name: 'skips one', up: 'SELECT 1' }];
    expect(() => migrate(new Database(':memory:'), bad)).toThrow(/expected 1/);
  });

  it('makes a new database in one transaction: a step that fails leaves it empty, at version 0', () => {
    const steps: Migration[] = [
      { version: 1, name: 'good', up: 'CREATE TABLE a (x)' },
      { version: 2, name: 'bad', up: 'CREATE TABLE b (x); THIS IS NOT SQL' },
    ];
    const db = new Database(':memory:');
    expect(() => migrate(db, steps)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toEqual({ n: 0 });
  });

  it('rolls a failing step of an existing database back to the last good version', () => {
    const steps: Migration[] = [
      { version: 1, name: 'good', up: 'CREATE TABLE a (x)' },
      { version: 2, name: 'bad', up: 'CREATE TABLE b (x); THIS IS NOT SQL' },
    ];
    const db = new Database(':memory:');
    migrate(db, steps.slice(0, 1));
    expect(() => migrate(db, steps)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'b'").get()).toEqual({ n: 0 });
  });
});
