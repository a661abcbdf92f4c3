import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchOp } from '../../../../src-shared/contract/batch-ops';
import { applyBatch } from '../../../../src-main/core/session/batch-edit';
import { redo, undo } from '../../../../src-main/core/session/undo-redo';
import { makeTempDir } from '../../../support/temp-dir';
import { CAPTIONS, captionBytes, captionFiles, cp1252, openEditingDataset, STEMS, utf8Bom, type OpenedDataset } from './editing-dataset';

let tmp: ReturnType<typeof makeTempDir>;
let set: OpenedDataset;
beforeEach(async () => {
  tmp = makeTempDir();
  set = await openEditingDataset(tmp.path);
});
afterEach(async () => {
  await set.workspace.shutdown();
  tmp.cleanup();
});

const ADD_START: BatchOp = { type: 'add', tags: ['new tag'], position: 'start' };

/** what ADD_START leaves in every file */
const AFTER_ADD: Record<string, Buffer> = {
  a: Buffer.from('new tag, 1girl, solo, long hair, smile'),
  b: Buffer.from('new tag, solo, Long Hair, blue eyes'),
  c: Buffer.from('new tag, 1girl, hat, hat, smile'),
  d: Buffer.from('new tag'),
  e: Buffer.from('new tag'),
  f: Buffer.from('new tag, zebra, apple, mango, banana'),
  g: utf8Bom('new tag, solo, red hair'),
  h: cp1252('new tag, café, smile'),
};

function expectAll(expected: Record<string, Buffer | null>, except: string[] = []) {
  for (const stem of STEMS) if (!except.includes(stem)) expect(captionBytes(set.dir, stem), `${stem}.txt`).toEqual(expected[stem]);
}

const batchAll = () => applyBatch(set.workspace.requireSession(), { kind: 'all' }, ADD_START, set.workspace.jobs);

/** closes the folder and opens it again, as after quitting the app */
async function reopen() {
  await set.workspace.close();
  await set.workspace.open({ path: set.dir });
  return set.workspace.requireSession();
}

describe('undo and redo of a batch edit', () => {
  it('puts every caption back byte for byte (BOM and CRLF, Windows-1252, an empty file) and removes the one it created', async () => {
    await batchAll();
    expectAll(AFTER_ADD);
    const undone = await undo(set.workspace.requireSession());
    expect(undone).toEqual({ canUndo: false, canRedo: true, undoLabel: null, redoLabel: 'Add “new tag” to 8 images', restored: 8, conflicts: [] });
    expectAll(CAPTIONS);
    expect(captionBytes(set.dir, 'e')).toBeNull();

    const redone = await redo(set.workspace.requireSession());
    expect(redone).toMatchObject({ canUndo: true, canRedo: false, restored: 8, conflicts: [] });
    expectAll(AFTER_ADD);
  });

  it('brings the captions in memory along: text, tags, counts, revision, and tells the renderer', async () => {
    const session = set.workspace.requireSession();
    await batchAll();
    const revision = session.detail(set.id('a')).caption.revision;
    const mark = set.events.length;
    await undo(session);
    expect(session.detail(set.id('a')).caption).toMatchObject({ text: '1girl, solo, long hair, smile', revision: revision + 1 });
    expect(session.detail(set.id('e')).caption).toMatchObject({ exists: false, tags: [] });
    expect(session.tagCounts().has('new tag')).toBe(false);
    const events = set.events.slice(mark).map((e) => e.event);
    expect(events.filter((e) => e === 'images.changed')).toHaveLength(1);
    expect(events.filter((e) => e === 'tags.changed')).toHaveLength(1);
    expect(events).toContain('stats.changed');
    expect(events.at(-1)).toBe('history.changed');
    // a single edit right after works from the restored revision
    await session.setTags(set.id('a'), ['after undo'], revision + 1);
    expect(captionBytes(set.dir, 'a')).toEqual(Buffer.from('after undo'));
  });

  it('undoes and redoes after the folder is closed and opened again: the history is in session.sqlite', async () => {
    await batchAll();
    let session = await reopen();
    expect(await session.history.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Add “new tag” to 8 images', redoLabel: null });
    expect(await undo(session)).toMatchObject({ restored: 8, conflicts: [] });
    expectAll(CAPTIONS);

    session = await reopen();
    expect(await session.history.state()).toMatchObject({ canUndo: false, canRedo: true });
    expect(await redo(session)).toMatchObject({ restored: 8, conflicts: [] });
    expectAll(AFTER_ADD);
    expect(session.detail(set.id('g')).caption).toMatchObject({ tags: ['new tag', 'solo', 'red hair'], bom: true, lineEnding: 'crlf' });
  });

  it('leaves a caption another program changed since alone, lists it, and restores the rest', async () => {
    await batchAll();
    writeFileSync(join(set.dir, 'b.txt'), 'rewritten elsewhere');
    const undone = await undo(set.workspace.requireSession());
    expect(undone).toMatchObject({ restored: 7, conflicts: ['b.png'], canRedo: true });
    expect(captionBytes(set.dir, 'b')).toEqual(Buffer.from('rewritten elsewhere'));
    expectAll(CAPTIONS, ['b']);
  });

  it('does not remove a file it created if another program wrote into it since', async () => {
    await batchAll();
    writeFileSync(join(set.dir, 'e.txt'), 'theirs now');
    expect(await undo(set.workspace.requireSession())).toMatchObject({ conflicts: ['e.png'] });
    expect(captionBytes(set.dir, 'e')).toEqual(Buffer.from('theirs now'));
  });

  it('a new step after an undo drops the redo branch', async () => {
    const session = set.workspace.requireSession();
    await batchAll();
    await undo(session);
    await applyBatch(session, { kind: 'all' }, { type: 'delete', tag: 'smile' }, set.workspace.jobs);
    expect(await session.history.state()).toEqual({ canUndo: true, canRedo: false, undoLabel: 'Delete “smile” from 3 images', redoLabel: null });
    expect(await redo(session)).toMatchObject({ restored: 0, conflicts: [] });
  });

  it('a cancelled batch is still one undoable step for what it wrote', async () => {
    const many: Record<string, Buffer | null> = {};
    for (let i = 0; i < 40; i++) many[`p${String(i).padStart(2, '0')}`] = Buffer.from(`tag ${i}`);
    await set.workspace.shutdown();
    tmp.cleanup();
    tmp = makeTempDir();
    set = await openEditingDataset(tmp.path, many);
    const session = set.workspace.requireSession();
    const stop = set.workspace.bus.subscribe((event, payload) => {
      const p = payload as { jobId?: string; kind?: string; done?: number };
      if (event === 'job.progress' && p.kind === 'batch' && (p.done ?? 0) >= 1) set.workspace.jobs.cancel(p.jobId!);
    });
    await expect(applyBatch(session, { kind: 'all' }, ADD_START, set.workspace.jobs)).rejects.toMatchObject({ code: 'cancelled' });
    stop();
    const written = [...captionFiles(set.dir)].filter(([, f]) => f.bytes?.toString().startsWith('new tag')).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(40);
    expect((await session.history.state()).undoLabel).toBe(`Add “new tag” to ${written} ${written === 1 ? 'image' : 'images'}`);
    expect(await undo(session)).toMatchObject({ restored: written, conflicts: [] });
    for (const [stem, bytes] of Object.entries(many)) expect(captionBytes(set.dir, stem)).toEqual(bytes);
  });
});

describe('progress of an undo', () => {
  it('an undo and a redo given the job runner report their progress as a history job, to the last file', async () => {
    const session = set.workspace.requireSession();
    await batchAll();
    const seen: { kind: string; label: string; done: number; total: number }[] = [];
    const finished: string[] = [];
    const stop = set.workspace.bus.subscribe((event, payload) => {
      const p = payload as { kind: string; label: string; done: number; total: number; outcome?: string };
      if (event === 'job.progress') seen.push({ kind: p.kind, label: p.label, done: p.done, total: p.total });
      if (event === 'job.finished') finished.push(`${p.kind} ${p.outcome}`);
    });
    expect(await undo(session, set.workspace.jobs)).toMatchObject({ restored: STEMS.length, conflicts: [] });
    expect(await redo(session, set.workspace.jobs)).toMatchObject({ restored: STEMS.length, conflicts: [] });
    stop();
    expect(seen.every((p) => p.kind === 'history')).toBe(true);
    const last = (verb: string) => seen.filter((p) => p.label.startsWith(verb)).at(-1);
    expect(last('Undoing')).toEqual({ kind: 'history', label: `Undoing: Add “new tag” to ${STEMS.length} images`, done: STEMS.length, total: STEMS.length });
    expect(last('Redoing')).toMatchObject({ done: STEMS.length, total: STEMS.length });
    expect(finished).toEqual(['history done', 'history done']);
    expectAll(AFTER_ADD);
  });
});

describe('undo and redo of single edits', () => {
  it('undoes tag edits one at a time, newest first, then redoes them', async () => {
    const session = set.workspace.requireSession();
    await session.setTags(set.id('g'), ['solo', 'red hair', 'smile'], 0);
    await session.setText(set.id('e'), 'a new caption', 0);
    expect(await session.history.state()).toMatchObject({ undoLabel: 'Edit e.png' });

    expect(await undo(session)).toMatchObject({ restored: 1, undoLabel: 'Edit g.png', redoLabel: 'Edit e.png' });
    expect(captionBytes(set.dir, 'e')).toBeNull();
    expect(await undo(session)).toMatchObject({ restored: 1, canUndo: false });
    expect(captionBytes(set.dir, 'g')).toEqual(CAPTIONS.g);

    await redo(session);
    expect(captionBytes(set.dir, 'g')).toEqual(utf8Bom('solo, red hair, smile'));
    await redo(session);
    expect(captionBytes(set.dir, 'e')).toEqual(Buffer.from('a new caption'));
  });

  it('records "keep mine" when a conflict is settled by writing over the file', async () => {
    const session = set.workspace.requireSession();
    writeFileSync(join(set.dir, 'a.txt'), 'theirs');
    await expect(session.setTags(set.id('a'), ['mine'], 0)).rejects.toMatchObject({ code: 'conflict' });
    await session.resolveConflict(set.id('a'), 'mine');
    expect((await session.history.state()).undoLabel).toBe('Keep my version of a.png');
    await undo(session);
    expect(captionBytes(set.dir, 'a')).toEqual(Buffer.from('theirs'));
  });

  it('leaves alone a caption with a choice pending', async () => {
    const session = set.workspace.requireSession();
    await session.setTags(set.id('a'), ['one'], 0);
    await expect(session.setTags(set.id('a'), ['two'], 0)).rejects.toMatchObject({ code: 'conflict' });
    expect(await undo(session)).toMatchObject({ restored: 0, conflicts: ['a.png'] });
    expect(captionBytes(set.dir, 'a')).toEqual(Buffer.from('one'));
  });

  it('with nothing to undo or redo, says so and writes nothing', async () => {
    const session = set.workspace.requireSession();
    expect(await undo(session)).toEqual({ canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, restored: 0, conflicts: [] });
    expect(await redo(session)).toMatchObject({ restored: 0 });
    expectAll(CAPTIONS);
  });
});

describe('an undo cut short', () => {
  it('counts a file already back as the step wants it as restored, not as a conflict', async () => {
    const session = set.workspace.requireSession();
    await batchAll();
    // as if a crash had stopped an earlier undo after it put a.txt back
    writeFileSync(join(set.dir, 'a.txt'), CAPTIONS.a!);
    expect(await undo(session)).toMatchObject({ restored: 8, conflicts: [] });
    expectAll(CAPTIONS);
    expect(session.detail(set.id('a')).caption.text).toBe('1girl, solo, long hair, smile');
  });
});
