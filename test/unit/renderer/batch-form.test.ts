import { describe, expect, it } from 'vitest';
import { batchOpSchema } from '../../../src-shared/contract';
import { type BatchForm, buildOp, initialForm } from '../../../src-renderer/features/batch/batch-form';
import { buildTarget, defaultTarget, type TargetInputs } from '../../../src-renderer/features/batch/batch-target';
import { previewText, resultText } from '../../../src-renderer/features/batch/batch-text';
import { historyMessage } from '../../../src-renderer/logic/history-message';

const form = (patch: Partial<BatchForm>): BatchForm => ({ ...initialForm(), ...patch });

describe('batch form → operation', () => {
  it('builds operations the contract accepts, tags kept as typed', () => {
    const cases: BatchForm[] = [
      form({ type: 'add', addTags: 'Long_Hair, (smile:1.2), Long_Hair', addPosition: 'start' }),
      form({ type: 'remove', removeTags: 'a\nb', removeIgnoreCase: true }),
      form({ type: 'replace', find: '(\\w+)_(\\w+)', replace: '$2 $1', mode: 'regex', scope: 'inside-tags' }),
      form({ type: 'sort', sortBy: 'frequency', keepFirst: '2' }),
      form({ type: 'dedupe' }),
    ];
    for (const f of cases) {
      const built = buildOp(f);
      expect(built.problem).toBeNull();
      expect(batchOpSchema.safeParse(built.op).success).toBe(true);
    }
    expect(buildOp(cases[0]!).op).toEqual({ type: 'add', tags: ['Long_Hair', '(smile:1.2)'], position: 'start' });
  });

  it('says why an operation cannot run yet', () => {
    expect(buildOp(form({ type: 'add', addTags: ' , ' })).problem).toMatch(/Type the tags/);
    expect(buildOp(form({ type: 'replace', find: '' })).problem).toMatch(/what to find/);
    expect(buildOp(form({ type: 'replace', find: '(a', mode: 'regex' })).problem).toMatch(/Invalid regular expression/);
    expect(buildOp(form({ type: 'replace', find: '(a', mode: 'plain' })).problem).toBeNull();
    expect(buildOp(form({ type: 'replace', find: 'a', replace: 'b\nc' })).problem).toMatch(/line break/);
    expect(buildOp(form({ type: 'sort', keepFirst: '1.5' })).problem).toMatch(/whole number/);
    expect(buildOp(form({ type: 'sort', keepFirst: '' })).op).toEqual({ type: 'sort', by: 'alpha', keepFirst: 0 });
  });
});

describe('batch target', () => {
  const inputs = (patch: Partial<TargetInputs>): TargetInputs => ({
    selected: [],
    filterQuery: '',
    filterIds: null,
    filterHasError: false,
    filterLabel: null,
    total: 40,
    ...patch,
  });

  it('sends the query for a filter, ids for a set handed over without one', () => {
    expect(buildTarget('filtered', inputs({ filterQuery: 'tag:a', filterIds: [1, 2] }))).toEqual({
      target: { kind: 'filtered', query: 'tag:a' },
      count: 2,
      reason: null,
    });
    expect(buildTarget('filtered', inputs({ filterIds: [4], filterLabel: 'Small images' })).target).toEqual({ kind: 'selected', ids: [4] });
  });

  it('refuses a target that names no image, with the reason', () => {
    expect(buildTarget('selected', inputs({})).reason).toMatch(/Select images/);
    expect(buildTarget('filtered', inputs({})).reason).toMatch(/No filter/);
    expect(buildTarget('filtered', inputs({ filterQuery: '(', filterIds: [1], filterHasError: true })).reason).toMatch(/error/);
    expect(buildTarget('all', inputs({ total: 0 })).reason).toMatch(/no images/);
  });

  it('starts on the selection, then the filter, then all', () => {
    expect(defaultTarget(inputs({ selected: [1], filterIds: [1] }))).toBe('selected');
    expect(defaultTarget(inputs({ filterIds: [] }))).toBe('filtered');
    expect(defaultTarget(inputs({}))).toBe('all');
  });
});

describe('messages', () => {
  it('previews and results', () => {
    expect(previewText(37, 37)).toBe('37 images will change');
    expect(previewText(1, 120)).toBe('1 image will change (of 120 images)');
    expect(previewText(0, 5)).toBe('No change to any of 5 images');
    expect(previewText(37, 4000, false)).toBe('37 images will change');
    expect(resultText(3, [])).toEqual({ text: 'Changed 3 images', tone: 'info' });
    expect(resultText(3, ['a.png', 'b.png', 'c.png', 'd.png']).text).toBe(
      'Changed 3 images; 4 images changed on disk meanwhile and were left as they are: a.png, b.png, c.png and 1 more',
    );
    expect(resultText(2, [], [{ name: 'b.png', reason: 'b.txt is read-only: its permissions do not allow writing.' }])).toEqual({
      text: 'Changed 2 images; 1 image could not be changed: b.png (b.txt is read-only: its permissions do not allow writing.)',
      tone: 'error',
    });
  });

  it('says what an undo restored and what it left alone', () => {
    expect(historyMessage('undo', 'Add 2 tags to 37 images', 37, [])).toEqual({
      text: 'Undone: Add 2 tags to 37 images — 37 captions restored',
      tone: 'info',
    });
    expect(historyMessage('redo', null, 1, ['x.png']).text).toBe(
      'Redone — 1 caption restored; 1 caption changed since and was left as it is: x.png',
    );
  });
});
