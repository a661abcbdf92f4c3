import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BatchOp, BatchTarget } from '../../../../src-shared/contract/batch-ops';
import { applyBatch, previewBatch } from '../../../../src-main/core/session/batch-edit';
import { makeTempDir } from '../../../support/temp-dir';
import { captionFiles, cp1252, expectFiles, openEditingDataset, utf8Bom, type OpenedDataset } from './editing-dataset';

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

const ALL: BatchTarget = { kind: 'all' };

/** preview, apply, and check: the preview's count is what apply changed, and only the expected files moved */
async function run(op: BatchOp, expected: Record<string, Buffer | string | null>, target: BatchTarget = ALL) {
  const session = set.workspace.requireSession();
  const before = captionFiles(set.dir);
  const preview = await previewBatch(session, target, op);
  const result = await applyBatch(session, target, op, set.workspace.jobs);
  expect(result).toEqual({ changed: Object.keys(expected).length, conflicts: [], refused: [] });
  expect(preview.changes).toBe(result.changed);
  expectFiles(set.dir, before, expected);
  return { preview, result };
}

describe('batch edits on disk, byte for byte', () => {
  it('adds tags at the start, keeping each file’s encoding, BOM and line ending, and creates a missing caption', async () => {
    const { preview } = await run(
      { type: 'add', tags: ['new tag'], position: 'start' },
      {
        a: 'new tag, 1girl, solo, long hair, smile',
        b: 'new tag, solo, Long Hair, blue eyes',
        c: 'new tag, 1girl, hat, hat, smile',
        d: 'new tag',
        e: 'new tag',
        f: 'new tag, zebra, apple, mango, banana',
        g: utf8Bom('new tag, solo, red hair'),
        h: cp1252('new tag, café, smile'),
      },
    );
    expect(preview.targeted).toBe(8);
    expect(preview.sample[0]).toEqual({
      id: set.id('a'),
      name: 'a.png',
      before: ['1girl', 'solo', 'long hair', 'smile'],
      after: ['new tag', '1girl', 'solo', 'long hair', 'smile'],
    });
  });

  it('adds tags at the end of the selected images only, skipping a tag an image already has', async () => {
    await run(
      { type: 'add', tags: ['smile', 'x'], position: 'end' },
      { a: '1girl, solo, long hair, smile, x', b: 'solo, Long Hair, blue eyes, smile, x' },
      { kind: 'selected', ids: [set.id('a'), set.id('b')] },
    );
  });

  it('adds to the images a filter query finds', async () => {
    await run({ type: 'add', tags: ['hatted'], position: 'end' }, { c: '1girl, hat, hat, smile, hatted' }, { kind: 'filtered', query: 'tag:hat' });
  });

  it('removes tags exactly, or regardless of case when asked', async () => {
    await run({ type: 'remove', tags: ['smile'] }, { a: '1girl, solo, long hair', c: '1girl, hat, hat', h: cp1252('café') });
    await run({ type: 'remove', tags: ['LONG HAIR'], caseInsensitive: true }, { a: '1girl, solo', b: 'solo, blue eyes' });
  });

  it('replaces a whole tag (plain), merging repeats the edit made', async () => {
    await run(
      { type: 'replace', find: 'hat', replace: 'cap', mode: 'plain', scope: 'whole-tag', caseSensitive: true },
      { c: '1girl, cap, smile' },
    );
  });

  it('replaces a whole tag by regular expression, with groups', async () => {
    await run(
      { type: 'replace', find: '(\\w+) hair', replace: '$1_hair', mode: 'regex', scope: 'whole-tag', caseSensitive: false },
      // the replacement is the user's text: `Long Hair` becomes `Long_hair`
      { a: '1girl, solo, long_hair, smile', b: 'solo, Long_hair, blue eyes', g: utf8Bom('solo, red_hair') },
    );
  });

  it('replaces inside tags, plain and by regular expression', async () => {
    await run(
      { type: 'replace', find: ' ', replace: '_', mode: 'plain', scope: 'inside-tags', caseSensitive: true },
      { a: '1girl, solo, long_hair, smile', b: 'solo, Long_Hair, blue_eyes', g: utf8Bom('solo, red_hair') },
    );
    await run(
      { type: 'replace', find: '^(s)', replace: '[$1]', mode: 'regex', scope: 'inside-tags', caseSensitive: true },
      {
        a: '1girl, [s]olo, long_hair, [s]mile',
        b: '[s]olo, Long_Hair, blue_eyes',
        c: '1girl, hat, hat, [s]mile',
        g: utf8Bom('[s]olo, red_hair'),
        h: cp1252('café, [s]mile'),
      },
    );
  });

  it('sorts alphabetically keeping the first N in place', async () => {
    await run(
      { type: 'sort', by: 'alpha', keepFirst: 1 },
      { a: '1girl, long hair, smile, solo', b: 'solo, blue eyes, Long Hair', f: 'zebra, apple, banana, mango' },
    );
  });

  it('sorts by how many images carry each tag', async () => {
    // solo 3, smile 3, 1girl 2, everything else 1; ties alphabetically
    await run(
      { type: 'sort', by: 'frequency', keepFirst: 0 },
      {
        a: 'smile, solo, 1girl, long hair',
        b: 'solo, blue eyes, Long Hair',
        c: 'smile, 1girl, hat, hat',
        f: 'apple, banana, mango, zebra',
        h: cp1252('smile, café'),
      },
    );
  });

  it('removes duplicate tags', async () => {
    await run({ type: 'dedupe' }, { c: '1girl, hat, smile' });
  });

  it('renames a tag across the dataset, and merges it into one an image already has', async () => {
    await run({ type: 'rename', from: 'solo', to: 'alone' }, { a: '1girl, alone, long hair, smile', b: 'alone, Long Hair, blue eyes', g: utf8Bom('alone, red hair') });
    await run({ type: 'rename', from: 'hat', to: '1girl' }, { c: '1girl, smile' });
    expect(set.workspace.requireSession().tagCounts().get('solo')).toBeUndefined();
    expect(set.workspace.requireSession().tagCounts().get('alone')).toBe(3);
  });

  it('deletes a tag everywhere', async () => {
    await run({ type: 'delete', tag: 'smile' }, { a: '1girl, solo, long hair', c: '1girl, hat, hat', h: cp1252('café') });
  });

  it('changes nothing, and records no step, when no image would change', async () => {
    const session = set.workspace.requireSession();
    await run({ type: 'delete', tag: 'not there' }, {});
    expect((await session.history.state()).canUndo).toBe(false);
  });

  it('tells the renderer once: one images.changed with every row, one tags.changed with the combined counts', async () => {
    const mark = set.events.length;
    await applyBatch(set.workspace.requireSession(), ALL, { type: 'add', tags: ['z'], position: 'end' }, set.workspace.jobs);
    const after = set.events.slice(mark);
    const rows = after.filter((e) => e.event === 'images.changed');
    expect(rows).toHaveLength(1);
    expect((rows[0]!.payload as { updated: unknown[] }).updated).toHaveLength(8);
    const tags = after.filter((e) => e.event === 'tags.changed');
    expect(tags).toEqual([{ event: 'tags.changed', payload: { changes: [{ name: 'z', count: 8 }] } }]);
    expect(after.filter((e) => e.event === 'caption.changed').length).toBeLessThanOrEqual(1);
    expect(after.filter((e) => e.event === 'history.changed').at(-1)?.payload).toEqual({
      canUndo: true,
      canRedo: false,
      undoLabel: 'Add “z” to 8 images',
      redoLabel: null,
    });
    expect(after.find((e) => e.event === 'job.finished')?.payload).toMatchObject({ kind: 'batch', outcome: 'done' });
  });

  it('leaves an image with a conflict pending alone, and lists it', async () => {
    const session = set.workspace.requireSession();
    await expect(session.setTags(set.id('b'), ['mine'], 99)).rejects.toMatchObject({ code: 'conflict' });
    const before = captionFiles(set.dir);
    const result = await applyBatch(session, { kind: 'selected', ids: [set.id('a'), set.id('b')] }, { type: 'add', tags: ['y'], position: 'end' }, set.workspace.jobs);
    expect(result).toEqual({ changed: 1, conflicts: ['b.png'], refused: [] });
    expectFiles(set.dir, before, { a: '1girl, solo, long hair, smile, y' });
  });

  it('refuses a bad filter query with the reason, writing nothing', async () => {
    const before = captionFiles(set.dir);
    await expect(
      applyBatch(set.workspace.requireSession(), { kind: 'filtered', query: 'tag:(' }, { type: 'dedupe' }, set.workspace.jobs),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expectFiles(set.dir, before, {});
  });
});
