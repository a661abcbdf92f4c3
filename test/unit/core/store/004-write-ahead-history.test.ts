import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HistoryLog } from '../../../../src-main/core/history/history-log';
import { localIndex } from '../../../support/local-index';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';

describe('migration 004: write-ahead history', () => {
  it('takes every file recorded before it as written, and keeps every step undoable with its label', async () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 3));
    db.prepare("INSERT INTO history_steps (id, label, created_at, bytes) VALUES (1, 'Add “x” to 1 image', 0, 4)").run();
    db.prepare("INSERT INTO history_files (step_id, caption_rel, before, after) VALUES (1, 'a.txt', NULL, ?)").run(Buffer.from('a, x'));

    expect(migrate(db, migrations.slice(0, 4))).toEqual({ from: 3, to: 4 });
    migrate(db, migrations);
    const log = new HistoryLog(localIndex(db));
    expect(await log.cutShort()).toEqual([]);
    expect(await log.nextUndo()).toEqual({ id: 1, label: 'Add “x” to 1 image', files: [{ captionRel: 'a.txt', before: null, after: Buffer.from('a, x') }] });
    expect(db.prepare('SELECT label_stem FROM history_steps').get()).toEqual({ label_stem: null });
  });

  it('finds pending files through their own index, not by reading every file of every step', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT step_id FROM history_files WHERE pending = 1')
      .all()
      .map((r) => (r as { detail: string }).detail);
    expect(plan.join(' ')).toContain('history_files_pending');
  });
});
