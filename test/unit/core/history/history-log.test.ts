import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HistoryLog, type FileChange } from '../../../../src-main/core/history/history-log';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';

function freshLog(limits?: { maxSteps: number; maxBytes: number }): HistoryLog {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return new HistoryLog(db, limits);
}

const change = (rel: string, before: string | null, after: string | null): FileChange => ({
  captionRel: rel,
  before: before === null ? null : Buffer.from(before),
  after: after === null ? null : Buffer.from(after),
});

function step(log: HistoryLog, label: string, ...changes: FileChange[]): number {
  const recorder = log.begin(label);
  changes.forEach((c) => recorder.record(c));
  recorder.finish();
  return recorder.stepId!;
}

describe('HistoryLog', () => {
  it('starts empty', () => {
    expect(freshLog().state()).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
  });

  it('keeps each file of a step with its bytes before and after, absent as null', () => {
    const log = freshLog();
    step(log, 'Add “x” to 2 images', change('a.txt', 'a', 'a, x'), change('b.txt', null, 'x'));
    expect(log.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Add “x” to 2 images', redoLabel: null });
    expect(log.nextUndo()).toMatchObject({
      label: 'Add “x” to 2 images',
      files: [change('a.txt', 'a', 'a, x'), change('b.txt', null, 'x')],
    });
  });

  it('stores nothing for a step that changed no file, and keeps the redo branch', () => {
    const log = freshLog();
    const first = step(log, 'one', change('a.txt', 'a', 'b'));
    log.setUndone(first, true);
    const empty = log.begin('nothing');
    expect(empty.finish()).toBe(false);
    expect(log.state()).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'one' });
  });

  it('walks back and forth, and a new step drops the redo branch', () => {
    const log = freshLog();
    const s1 = step(log, 'one', change('a.txt', 'a', 'b'));
    const s2 = step(log, 'two', change('a.txt', 'b', 'c'));
    log.setUndone(s2, true);
    expect(log.state()).toEqual({ canUndo: true, canRedo: true, undoLabel: 'one', redoLabel: 'two' });
    log.setUndone(s1, true);
    expect(log.state()).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'one' });
    expect(log.nextRedo()?.id).toBe(s1);
    log.setUndone(s1, false);

    step(log, 'three', change('b.txt', null, 'x'));
    expect(log.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'three', redoLabel: null });
    expect(log.db.prepare('SELECT label FROM history_steps ORDER BY id').all()).toEqual([{ label: 'one' }, { label: 'three' }]);
    expect(log.db.prepare('SELECT count(*) AS n FROM history_files').get()).toEqual({ n: 2 });
  });

  it('keeps the first "before" when one step writes a file twice (two images sharing a caption)', () => {
    const log = freshLog();
    step(log, 'both', change('a.txt', 'v0', 'v1'), change('a.txt', 'v1', 'v2'));
    expect(log.nextUndo()?.files).toEqual([change('a.txt', 'v0', 'v2')]);
    expect(log.db.prepare('SELECT bytes FROM history_steps').get()).toEqual({ bytes: 4 });
  });

  it('drops the oldest steps beyond the step cap', () => {
    const log = freshLog({ maxSteps: 3, maxBytes: 1e9 });
    for (let i = 0; i < 5; i++) step(log, `s${i}`, change('a.txt', `${i}`, `${i + 1}`));
    expect(log.db.prepare('SELECT label FROM history_steps ORDER BY id').all()).toEqual([{ label: 's2' }, { label: 's3' }, { label: 's4' }]);
    expect(log.db.prepare('SELECT count(*) AS n FROM history_files').get()).toEqual({ n: 3 });
  });

  it('drops the oldest steps beyond the byte cap, but never the newest', () => {
    const log = freshLog({ maxSteps: 100, maxBytes: 10 });
    step(log, 'small', change('a.txt', 'aa', 'bb'));
    step(log, 'small too', change('a.txt', 'bb', 'cc'));
    expect(log.db.prepare('SELECT count(*) AS n FROM history_steps').get()).toEqual({ n: 2 });
    step(log, 'huge', change('b.txt', 'x'.repeat(50), 'y'.repeat(50)));
    expect(log.db.prepare('SELECT label FROM history_steps').all()).toEqual([{ label: 'huge' }]);
    expect(log.state().undoLabel).toBe('huge');
  });

  it('renames a step once its final count is known', () => {
    const log = freshLog();
    const r = log.begin('Add “x” to 3 images');
    r.record(change('a.txt', 'a', 'a, x'));
    r.relabel('Add “x” to 1 image');
    r.finish();
    expect(log.state().undoLabel).toBe('Add “x” to 1 image');
  });

  it('keeps the files a batch recorded ahead out of sight of undo until their writes are confirmed; unconfirmed ones leave', () => {
    const log = freshLog();
    const r = log.begin('Add “x” to 3 images', 'Add “x” to ');
    r.planAhead([change('a.txt', 'a', 'a, x'), change('b.txt', null, 'x'), change('c.txt', 'c', 'c, x')]);
    expect(log.nextUndo()?.files).toEqual([]);
    r.confirm(['a.txt', 'b.txt'], 'Add “x” to 2 images');
    expect(r.finish()).toBe(true);
    expect(log.nextUndo()).toMatchObject({ label: 'Add “x” to 2 images', files: [change('a.txt', 'a', 'a, x'), change('b.txt', null, 'x')] });
    expect(log.db.prepare('SELECT bytes FROM history_steps').get()).toEqual({ bytes: 1 + 4 + 1 });
    expect(log.cutShort()).toEqual([]);
  });

  it('records a pending file again, before and after, when it changed before its write', () => {
    const log = freshLog();
    const r = log.begin('Add “x” to 1 image', 'Add “x” to ');
    r.planAhead([change('a.txt', 'a', 'a, x')]);
    r.planAhead([change('a.txt', 'theirs', 'theirs, x')]);
    r.confirm(['a.txt'], 'Add “x” to 1 image');
    r.finish();
    expect(log.nextUndo()?.files).toEqual([change('a.txt', 'theirs', 'theirs, x')]);
    expect(log.db.prepare('SELECT bytes FROM history_steps').get()).toEqual({ bytes: 6 + 9 });
  });

  it('drops a batch step none of whose writes was made, with its records', () => {
    const log = freshLog();
    const r = log.begin('Add “x” to 1 image', 'Add “x” to ');
    r.planAhead([change('a.txt', 'a', 'a, x')]);
    r.confirm([], 'Add “x” to 0 images');
    expect(r.finish()).toBe(false);
    expect(log.state().canUndo).toBe(false);
    expect(log.db.prepare('SELECT count(*) AS n FROM history_files').get()).toEqual({ n: 0 });
  });

  it('after a crash, settles a step cut short: keeps the pending files written, drops the rest, counts again', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const r = new HistoryLog(db).begin('Add “x” to 4 images', 'Add “x” to ');
    r.planAhead([change('a.txt', 'a', 'a, x'), change('b.txt', 'b', 'b, x')]);
    r.confirm(['a.txt'], 'Add “x” to 1 image');
    r.planAhead([change('c.txt', 'c', 'c, x'), change('d.txt', null, 'x')]);
    // the process dies here, with c.txt written and d.txt not

    const log = new HistoryLog(db);
    expect(log.cutShort()).toEqual([
      { id: r.stepId, labelStem: 'Add “x” to ', pending: [{ captionRel: 'c.txt', after: Buffer.from('c, x') }, { captionRel: 'd.txt', after: Buffer.from('x') }] },
    ]);
    log.settleCutShort(r.stepId!, ['c.txt'], (files) => `Add “x” to ${files.length} images`);
    expect(log.cutShort()).toEqual([]);
    expect(log.nextUndo()).toMatchObject({ label: 'Add “x” to 2 images', files: [change('a.txt', 'a', 'a, x'), change('c.txt', 'c', 'c, x')] });
    expect(db.prepare('SELECT bytes FROM history_steps').get()).toEqual({ bytes: 5 + 5 });
  });

  it('after a crash, drops a step cut short before any of its writes', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    const before = new HistoryLog(db);
    step(before, 'kept', change('z.txt', 'z', 'y'));
    const r = before.begin('Add “x” to 2 images', 'Add “x” to ');
    r.planAhead([change('a.txt', 'a', 'a, x'), change('b.txt', 'b', 'b, x')]);

    const log = new HistoryLog(db);
    log.settleCutShort(r.stepId!, [], () => 'never asked');
    expect(log.state()).toMatchObject({ canUndo: true, undoLabel: 'kept' });
    expect(db.prepare('SELECT count(*) AS n FROM history_steps').get()).toEqual({ n: 1 });
  });

  it('survives being reopened: the log is the database', () => {
    const db = new Database(':memory:');
    migrate(db, migrations);
    step(new HistoryLog(db), 'kept', change('a.txt', null, 'x'));
    expect(new HistoryLog(db).nextUndo()).toMatchObject({ label: 'kept', files: [change('a.txt', null, 'x')] });
  });
});
