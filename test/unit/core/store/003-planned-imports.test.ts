import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';
import { SessionStore } from '../../../../src-main/core/store/session-store';
import { localIndex } from '../../../support/local-index';

describe('migration 003: planned imports', () => {
  it('takes every import recorded before it as copied', async () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 2));
    db.prepare("INSERT INTO imports (source_rel, size, mtime_ms, image_rel) VALUES ('a.png', 10, 1, 'img_001.png')").run();

    expect(migrate(db, migrations.slice(0, 3))).toEqual({ from: 2, to: 3 });
    const rows = db.prepare('SELECT source_rel AS sourceRel, size, mtime_ms AS mtimeMs, image_rel AS imageRel, copied FROM imports').all() as { copied: number }[];
    expect(rows.map((r) => ({ ...r, copied: r.copied === 1 }))).toEqual([{ sourceRel: 'a.png', size: 10, mtimeMs: 1, imageRel: 'img_001.png', copied: true }]);
  });

  it('forgets a planned import on request, never a copied one', async () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const store = new SessionStore(localIndex(db));
    await store.addImports([
      { sourceRel: 'a.png', size: 1, mtimeMs: 1, imageRel: 'img_001.png', copied: true },
      { sourceRel: 'b.png', size: 1, mtimeMs: 1, imageRel: 'img_002.png', copied: false },
      { sourceRel: 'c.png', size: 1, mtimeMs: 1, imageRel: 'img_003.png', copied: false },
    ]);
    await store.confirmImport('c.png');
    await store.dropPlannedImports(['a.png', 'b.png', 'c.png']);
    expect((await store.imports()).map((r) => [r.sourceRel, r.copied])).toEqual([
      ['a.png', true],
      ['c.png', true],
    ]);
  });
});
