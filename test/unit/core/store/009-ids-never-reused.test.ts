import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';

const insertImage = (db: Database.Database, relPath: string) =>
  Number(db.prepare('INSERT INTO images (rel_path, ord, size, mtime_ms) VALUES (?, 0, 1, 1)').run(relPath).lastInsertRowid);
const captionOf = (db: Database.Database, imageId: number) => db.prepare('SELECT text FROM captions WHERE image_id = ?').pluck().get(imageId);

describe('migration 009: image ids are never given twice', () => {
  it('keeps every id, caption and model tag row of a database made before it, and gives a gone image’s id to nothing new', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations.slice(0, 8));
    const a = insertImage(db, 'a.png');
    const b = insertImage(db, 'b.png');
    const c = insertImage(db, 'c.png');
    for (const [id, text] of [[a, 'red'], [b, 'blue'], [c, 'green']] as const)
      db.prepare("INSERT INTO captions (image_id, on_disk, fingerprint, size, mtime_ms, encoding, bom, line_ending, text) VALUES (?, 1, 'f', 1, 1, 'utf8', 0, 'lf', ?)").run(id, text);
    const run = Number(db.prepare("INSERT INTO tagger_runs (model_id, labels, settings, started_at) VALUES ('m', '[]', '{}', 0)").run().lastInsertRowid);
    db.prepare("INSERT INTO tagger_provenance (image_id, tag, run_id, score, category) VALUES (?, 'sky', ?, 0.9, 'general')").run(b, run);
    // before it, SQLite gave the highest id again once its image was gone
    db.prepare('DELETE FROM images WHERE id = ?').run(c);
    expect(insertImage(db, 'd.png')).toBe(c);

    expect(migrate(db, migrations)).toEqual({ from: 8, to: migrations.length });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT id, rel_path FROM images ORDER BY id').raw().all()).toEqual([[a, 'a.png'], [b, 'b.png'], [c, 'd.png']]);
    expect([captionOf(db, a), captionOf(db, b)]).toEqual(['red', 'blue']);
    expect(db.prepare('SELECT tag FROM tagger_provenance WHERE image_id = ?').pluck().all(b)).toEqual(['sky']);

    // the highest id gone: the next image has an id of its own
    db.prepare('DELETE FROM images WHERE id = ?').run(c);
    expect(insertImage(db, 'e.png')).toBe(c + 1);
    // and the keys still hold: an image's going takes its caption with it
    db.prepare('DELETE FROM images WHERE id = ?').run(b);
    expect(captionOf(db, b)).toBeUndefined();
    expect(db.prepare('SELECT count(*) FROM tagger_provenance').pluck().get()).toBe(0);
  });

  it('gives a new database ids that are never given twice', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    insertImage(db, 'a.png');
    const b = insertImage(db, 'b.png');
    db.prepare('DELETE FROM images WHERE id = ?').run(b);
    expect(insertImage(db, 'c.png')).toBe(b + 1);
  });
});
