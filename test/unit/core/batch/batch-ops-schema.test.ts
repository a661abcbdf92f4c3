import { describe, expect, it } from 'vitest';
import { batchOpSchema, batchRequestSchema, batchTargetSchema, regexProblem } from '../../../../src-shared/contract/batch-ops';

// The schema lives in src-shared; it is tested here because main is what parses it.
describe('batchOpSchema', () => {
  it('parses every operation', () => {
    const ops = [
      { type: 'add', tags: ['a'], position: 'start' },
      { type: 'remove', tags: ['a'] },
      { type: 'remove', tags: ['a'], caseInsensitive: true },
      { type: 'replace', find: 'a', replace: '', mode: 'plain', scope: 'whole-tag', caseSensitive: true },
      { type: 'sort', by: 'frequency', keepFirst: 1 },
      { type: 'dedupe' },
      { type: 'rename', from: 'a', to: 'b' },
      { type: 'delete', tag: 'a' },
    ];
    for (const op of ops) expect(batchOpSchema.parse(op)).toEqual(op);
  });

  it('refuses an invalid regex with a sentence on the find field', () => {
    const result = batchOpSchema.safeParse({
      type: 'replace',
      find: '(unclosed',
      replace: 'x',
      mode: 'regex',
      scope: 'inside-tags',
      caseSensitive: false,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['find'], message: 'Invalid regular expression: Unterminated group' }),
    ]);
  });

  it('accepts the same text in plain mode', () => {
    const op = { type: 'replace', find: '(unclosed', replace: 'x', mode: 'plain', scope: 'inside-tags', caseSensitive: false };
    expect(batchOpSchema.safeParse(op).success).toBe(true);
  });

  it.each([
    ['unknown type', { type: 'shuffle' }],
    ['add without tags', { type: 'add', tags: [], position: 'end' }],
    ['add with an empty tag', { type: 'add', tags: [''], position: 'end' }],
    ['bad position', { type: 'add', tags: ['a'], position: 'middle' }],
    ['negative keepFirst', { type: 'sort', by: 'alpha', keepFirst: -1 }],
    ['fractional keepFirst', { type: 'sort', by: 'alpha', keepFirst: 1.5 }],
    ['empty find', { type: 'replace', find: '', replace: 'a', mode: 'plain', scope: 'whole-tag', caseSensitive: true }],
    ['line break in replacement', { type: 'replace', find: 'a', replace: 'b\nc', mode: 'plain', scope: 'whole-tag', caseSensitive: true }],
    ['rename to empty', { type: 'rename', from: 'a', to: '' }],
  ])('refuses %s', (_name, op) => {
    expect(batchOpSchema.safeParse(op).success).toBe(false);
  });
});

describe('batchTargetSchema', () => {
  it('parses the three kinds', () => {
    expect(batchTargetSchema.parse({ kind: 'selected', ids: [1, 2] })).toEqual({ kind: 'selected', ids: [1, 2] });
    expect(batchTargetSchema.parse({ kind: 'filtered', query: 'tag:hat' })).toEqual({ kind: 'filtered', query: 'tag:hat' });
    expect(batchTargetSchema.parse({ kind: 'all' })).toEqual({ kind: 'all' });
  });

  it('refuses paths, negative ids and empty selections', () => {
    expect(batchTargetSchema.safeParse({ kind: 'selected', ids: ['a.png'] }).success).toBe(false);
    expect(batchTargetSchema.safeParse({ kind: 'selected', ids: [-1] }).success).toBe(false);
    expect(batchTargetSchema.safeParse({ kind: 'selected', ids: [] }).success).toBe(false);
  });

  it('combines with an op into a request', () => {
    const request = { target: { kind: 'all' }, op: { type: 'dedupe' } };
    expect(batchRequestSchema.parse(request)).toEqual(request);
  });
});

describe('regexProblem', () => {
  it('is null for a valid pattern and a sentence otherwise', () => {
    expect(regexProblem('^score_\\d+$')).toBeNull();
    expect(regexProblem('a{2,1}')).toBe('Invalid regular expression: numbers out of order in {} quantifier');
  });
});
