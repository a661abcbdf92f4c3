import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../src-main/core/app-error';
import { planBatch } from '../../../../src-main/core/batch/plan';

const ctx = { frequency: () => 0 };

const images = [
  { id: 1, tags: ['mychar', '1girl', 'smile'] },
  { id: 2, tags: ['mychar', 'solo'] },
  { id: 3, tags: [] },
  { id: 4, tags: ['smile', 'smile'] },
];

describe('planBatch', () => {
  it('lists only the images that change, with before and after', () => {
    const plan = planBatch(images, { type: 'delete', tag: 'smile' }, ctx);
    expect(plan.changes).toEqual([
      { id: 1, before: ['mychar', '1girl', 'smile'], after: ['mychar', '1girl'] },
      { id: 4, before: ['smile', 'smile'], after: [] },
    ]);
  });

  it('counts the images an add would change', () => {
    const plan = planBatch(images, { type: 'add', tags: ['mychar'], position: 'start' }, ctx);
    expect(plan.changes.map((c) => c.id)).toEqual([3, 4]);
    expect(plan.changes[0]?.after).toEqual(['mychar']);
  });

  it('is empty when nothing changes', () => {
    expect(planBatch(images, { type: 'rename', from: 'absent', to: 'x' }, ctx).changes).toEqual([]);
    expect(planBatch([], { type: 'dedupe' }, ctx).changes).toEqual([]);
  });

  it('accepts any iterable, such as a generator over the store', () => {
    function* rows() {
      for (let id = 0; id < 100; id++) yield { id, tags: id % 3 === 0 ? ['b', 'a'] : ['a', 'b'] };
    }
    const plan = planBatch(rows(), { type: 'sort', by: 'alpha', keepFirst: 0 }, ctx);
    expect(plan.changes).toHaveLength(34);
    expect(plan.changes.every((c) => c.id % 3 === 0)).toBe(true);
  });

  it('uses dataset frequency for sorting', () => {
    const freq: Record<string, number> = { rare: 1, common: 50 };
    const plan = planBatch([{ id: 7, tags: ['rare', 'common'] }], { type: 'sort', by: 'frequency', keepFirst: 0 }, {
      frequency: (t) => freq[t] ?? 0,
    });
    expect(plan.changes).toEqual([{ id: 7, before: ['rare', 'common'], after: ['common', 'rare'] }]);
  });

  it('refuses an invalid regex before touching any image', () => {
    let visited = 0;
    function* rows() {
      visited++;
      yield { id: 1, tags: ['a'] };
    }
    const op = {
      type: 'replace',
      find: '[',
      replace: '',
      mode: 'regex',
      scope: 'inside-tags',
      caseSensitive: false,
    } as const;
    expect(() => planBatch(rows(), op, ctx)).toThrow(AppError);
    expect(visited).toBe(0);
  });
});
