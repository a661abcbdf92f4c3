import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { HistoryLog, type FileChange } from '../../../../src-main/core/history/history-log';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';
import { localIndex } from '../../../support/local-index';

function freshDb(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
}

function freshLog(limits?: { maxSteps: number; maxBytes: number }): { log: HistoryLog; db: Database.Database } {
  const db = freshDb();
  return { log: new HistoryLog(localIndex(db, limits)), db };
}

const change = (rel: string, before: string | null, after: string | null): FileChange => ({
  captionRel: rel,
  before: before === null ? null : Buffer.from(before),
  after: after === null ? null : Buffer.from(after),
});

const lastStepId = (db: Database.Database) => db.prepare('SELECT max(id) FROM history_steps').pluck().get() as number;

async function step(log: HistoryLog, db: Database.Database, label: string, ...changes: FileChange[]): Promise<number> {
  const recorder = log.begin(label);
  for (const c of changes) await recorder.record(c);
  await recorder.finish();
  return lastStepId(db);
}

describe('HistoryLog', () => {
  it('starts empty', async () => {
    expect(await freshLog().log.state()).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null });
  });

  it('keeps each file of a step with its bytes before and after, absent as null', async () => {
    const { log, db } = freshLog();
    await step(log, db, 'Add “x” to 2 images', change('a.txt', 'a', 'a, x'), change('b.txt', null, 'x'));
    expect(await log.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Add “x” to 2 images', redoLabel: null });
    expect(await log.nextUndo()).toMatchObject({
      label: 'Add “x” to 2 images',
      files: [change('a.txt', 'a', 'a, x'), change('b.txt', null, 'x')],
    });
  });

  it('stores nothing for a step that changed no file, and keeps the redo branch', async () => {
    const { log, db } = freshLog();
    const first = await step(log, db, 'one', change('a.txt', 'a', 'b'));
    await log.setUndone(first, true);
    const empty = log.begin('nothing');
    expect(await empty.finish()).toBe(false);
    expect(await log.state()).toMatchObject({ canUndo: false, canRedo: true, redoLabel: 'one' });
  });

  it('walks back and forth, and a new step drops the redo branch', async () => {
    const { log, db } = freshLog();
    const s1 = await step(log, db, 'one', change('a.txt', 'a', 'b'));
    const s2 = await step(log, db, 'two', change('a.txt', 'b', 'c'));
    await log.setUndone(s2, true);
    expect(await log.state()).toEqual({ canUndo: true, canRedo: true, undoLabel: 'one', redoLabel: 'two' });
    await log.setUndone(s1, true);
    expect(await log.state()).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'one' });
    expect((await log.nextRedo())?.id).toBe(s1);
    await log.setUndone(s1, false);

    await step(log, db, 'three', change('b.txt', null, 'x'));
    expect(await log.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'three', redoLabel: null });
    expect(db.prepare('SELECT label FROM history_steps ORDER BY id').all()).toEqual([{ label: 'one' }, { label: 'three' }]);
    expect(db.prepare('SELECT count(*) AS n FROM history_files').get()).toEqual({ n: 2 });
  });

  it('keeps the first "before" when one step writes a file twice (two images sharing a caption)', async () => {
    const { log, db } = freshLog();
    await step(log, db, 'both', change('a.txt', 'v0', 'v1'), change('a.txt', 'v1', 'v2'));
    expect((await log.nextUndo())?.files).toEqual([change('a.txt', 'v0', 'v2')]);
    expect(db.prepare('SELECT bytes FROM history_steps').get()).toEqual({ bytes: 4 });
  });

  it('drops the oldest steps beyond the step cap', async () => {
    const { log, db } = freshLog({ maxSteps: 3, maxBytes: 1e9 });
    for (let i = 0; i < 5; i++) await step(log, db, `s${i}`, change('a.txt', `${i}`, `${i + 1}`));
    expect(db.prepare('SELECT label FROM history_steps ORDER BY id').all()).toEqual([{ label: 's2' }, { label: 's3' }, { label: 's4' }]);
    expect(db.prepare('SELECT count(*) AS n FROM history_files').get()).toEqual({ n: 3 });
  });

  it('drops the oldest steps beyond the byte cap, but never the newest', async () => {
    const { log, db } = freshLog({ maxSteps: 100, maxBytes: 10 });
    await step(log, db, 'small', change('a.txt', 'aa', 'bb'));
    await step(log, db, 'small too', change('a.txt', 'bb', 'cc'));
    expect(db.prepare('SELECT count(*) AS n FROM history_steps').get()).toEqual({ n: 2 });
    await step(log, db, 'huge', change('b.txt', 'x'.repeat(50), 'y'.repeat(50)));
    expect(db.prepare('SELECT label FROM history_steps').all()).toEqual([{ label: 'huge' }]);
    expect((await log.state()).undoLabel).toBe('huge');
  });

  it('renames a step once its final count is known', async () => {
    const { log } = freshLog();
    const r = log.begin('Add “x” to 3 images');
    await r.record(change('a.txt', 'a', 'a, x'));
    await r.relabel('Add “x” to 1 image');
    await r.finish();
    expect((await log.state()).undoLabel).toBe('Add “x” to 1 image');
  });

  it('keeps the files a batch recorded ahead out of sight of undo until their writes are confirmed; unconfirmed ones leave', async () => {
    const { log, db } = freshLog();
    const r = log.begin('Add “x” to 3 images', 'Add “x” to ');
    await r.planAhead([change('a.txt', 'a', 'a, x'), change('b.txt', null, 'x'), change('c.txt', 'c', 'c, x')]);
    expect((await log.nextUndo())?.files).toEqual([]);
    await r.confirm(['a.txt', 'b.txt'], 'Add “x” to 2 images');
    expect(await r.finish()).toBe(true);
    expect(await log.nextUndo()).toMatchObject({ label: 'Add “x” to 2 images', files: [change('a.txt', 'a', 'a, x'), change('b.txt', null, 'x')] });
    expect(db.prepare('SELECT bytes FROM history_steps').get()).toEqual({ bytes: 1 + 4 + 1 });
    expect(await log.cutShort()).toEqual([]);
  });

  it('records a pending file again, before and after, when it changed before its write', async () => {
    const { log, db } = freshLog();
    const r = log.begin('Add “x” to 1 image', 'Add “x” to ');
    await r.planAhead([change('a.txt', 'a', 'a, x')]);
    await r.planAhead([change('a.txt', 'theirs', 'theirs, x')]);
    await r.confirm(['a.txt'], 'Add “x” to 1 image');
    await r.finish();
    expect((await log.nextUndo())?.files).toEqual([change('a.txt', 'theirs', 'theirs, x')]);
    expect(db.prepare('SELECT bytes FROM history_steps').get()).toEqual({ bytes: 6 + 9 });
  });

  it('makes one step of two first records asked for at once', async () => {
    const { log, db } = freshLog();
    const r = log.begin('Add “x” to 2 images', 'Add “x” to ');
    await Promise.all([r.planAhead([change('a.txt', 'a', 'a, x')]), r.planAhead([change('b.txt', 'b', 'b, x')])]);
    expect(db.prepare('SELECT count(*) AS n FROM history_steps').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM history_files').get()).toEqual({ n: 2 });
  });

  it('drops a batch step none of whose writes was made, with its records', async () => {
    const { log, db } = freshLog();
    const r = log.begin('Add “x” to 1 image', 'Add “x” to ');
    await r.planAhead([change('a.txt', 'a', 'a, x')]);
    await r.confirm([], 'Add “x” to 0 images');
    expect(await r.finish()).toBe(false);
    expect((await log.state()).canUndo).toBe(false);
    expect(db.prepare('SELECT count(*) AS n FROM history_files').get()).toEqual({ n: 0 });
  });

  it('after a crash, settles a step cut short: keeps the pending files written, drops the rest, counts again', async () => {
    const db = freshDb();
    const r = new HistoryLog(localIndex(db)).begin('Add “x” to 4 images', 'Add “x” to ');
    await r.planAhead([change('a.txt', 'a', 'a, x'), change('b.txt', 'b', 'b, x')]);
    await r.confirm(['a.txt'], 'Add “x” to 1 image');
    await r.planAhead([change('c.txt', 'c', 'c, x'), change('d.txt', null, 'x')]);
    // the process dies here, with c.txt written and d.txt not

    const log = new HistoryLog(localIndex(db));
    const id = lastStepId(db);
    expect(await log.cutShort()).toEqual([
      {
        id,
        labelStem: 'Add “x” to ',
        pending: [{ captionRel: 'c.txt', after: Buffer.from('c, x') }, { captionRel: 'd.txt', after: Buffer.from('x') }],
        captionRels: ['a.txt', 'c.txt', 'd.txt'],
      },
    ]);
    // c.txt is shared by two images: the label counts both
    await log.settleCutShort(id, ['c.txt'], { 'a.txt': 1, 'c.txt': 2, 'd.txt': 1 });
    expect(await log.cutShort()).toEqual([]);
    expect(await log.nextUndo()).toMatchObject({ label: 'Add “x” to 3 images', files: [change('a.txt', 'a', 'a, x'), change('c.txt', 'c', 'c, x')] });
    expect(db.prepare('SELECT bytes FROM history_steps').get()).toEqual({ bytes: 5 + 5 });
  });

  it('after a crash, drops a step cut short before any of its writes', async () => {
    const db = freshDb();
    const before = new HistoryLog(localIndex(db));
    await step(before, db, 'kept', change('z.txt', 'z', 'y'));
    const r = before.begin('Add “x” to 2 images', 'Add “x” to ');
    await r.planAhead([change('a.txt', 'a', 'a, x'), change('b.txt', 'b', 'b, x')]);

    const log = new HistoryLog(localIndex(db));
    await log.settleCutShort(lastStepId(db), [], {});
    expect(await log.state()).toMatchObject({ canUndo: true, undoLabel: 'kept' });
    expect(db.prepare('SELECT count(*) AS n FROM history_steps').get()).toEqual({ n: 1 });
  });

  it('survives being reopened: the log is the database', async () => {
    const db = freshDb();
    await step(new HistoryLog(localIndex(db)), db, 'kept', change('a.txt', null, 'x'));
    expect(await new HistoryLog(localIndex(db)).nextUndo()).toMatchObject({ label: 'kept', files: [change('a.txt', null, 'x')] });
  });
});
