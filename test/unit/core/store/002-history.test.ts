import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';

const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('migration 002: history', () => {
  it('upgrades a version-1 session without touching its data', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    db.prepare("INSERT INTO settings (key, value) VALUES ('mode', 'in-place')").run();
    db.prepare("INSERT INTO images (rel_path, ord, size, mtime_ms) VALUES ('a.png', 0, 10, 1)").run();

    expect(migrate(db, migrations.slice(0, 2))).toEqual({ from: 1, to: 2 });
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: 'in-place' });
    expect(db.prepare('SELECT rel_path FROM images').get()).toEqual({ rel_path: 'a.png' });
    expect(columns(db, 'history_steps')).toEqual(['id', 'label', 'created_at', 'undone', 'bytes']);
    expect(columns(db, 'history_files')).toEqual(['step_id', 'caption_rel', 'before', 'after']);
  });

  it('keeps an absent file (NULL) apart from an empty one, and drops a step with its files', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    const step = Number(db.prepare("INSERT INTO history_steps (label, created_at) VALUES ('Edit a.png', 0)").run().lastInsertRowid);
    db.prepare('INSERT INTO history_files (step_id, caption_rel, before, after) VALUES (?, ?, ?, ?)').run(step, 'a.txt', null, Buffer.alloc(0));
    expect(db.prepare('SELECT before, after FROM history_files').get()).toEqual({ before: null, after: Buffer.alloc(0) });

    db.prepare('DELETE FROM history_steps WHERE id = ?').run(step);
    expect(db.prepare('SELECT count(*) AS n FROM history_files').get()).toEqual({ n: 0 });
  });

  it('refuses a second file row for the same caption in one step', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    db.prepare("INSERT INTO history_steps (id, label, created_at) VALUES (1, 'x', 0)").run();
    const insert = db.prepare("INSERT INTO history_files (step_id, caption_rel) VALUES (1, 'a.txt')");
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
  });
});
