import { describe, expect, it } from 'vitest';
import type { BatchOp } from '../../../../src-shared/contract/batch-ops';
import { AppError } from '../../../../src-main/core/app-error';
import { applyBatchOp, prepareBatchOp, tagsEqual } from '../../../../src-main/core/batch/apply-op';

const counts: Record<string, number> = { solo: 90, '1girl': 80, smile: 40, 'long hair': 40, outdoors: 5, hat: 12 };
const ctx = { frequency: (tag: string) => counts[tag] ?? 0 };

type Case = [name: string, before: string[], op: BatchOp, after: string[]];

const replace = (over: Partial<Extract<BatchOp, { type: 'replace' }>>): BatchOp => ({
  type: 'replace',
  find: 'x',
  replace: '',
  mode: 'plain',
  scope: 'whole-tag',
  caseSensitive: true,
  ...over,
});

const cases: Case[] = [
  // add
  ['add at end', ['a', 'b'], { type: 'add', tags: ['c', 'd'], position: 'end' }, ['a', 'b', 'c', 'd']],
  ['add at start keeps the given order', ['a', 'b'], { type: 'add', tags: ['c', 'd'], position: 'start' }, ['c', 'd', 'a', 'b']],
  ['add skips tags already present', ['a', 'b'], { type: 'add', tags: ['b', 'c'], position: 'end' }, ['a', 'b', 'c']],
  ['add all present: unchanged', ['a', 'b'], { type: 'add', tags: ['b', 'a'], position: 'start' }, ['a', 'b']],
  ['add does not repeat its own tags', ['a'], { type: 'add', tags: ['c', 'c'], position: 'end' }, ['a', 'c']],
  ['add is case-sensitive (text as written)', ['Hat'], { type: 'add', tags: ['hat'], position: 'end' }, ['Hat', 'hat']],
  ['add to an untagged image', [], { type: 'add', tags: ['x'], position: 'start' }, ['x']],
  // remove
  ['remove exact', ['a', 'B', 'b', 'c'], { type: 'remove', tags: ['b', 'c'] }, ['a', 'B']],
  ['remove every occurrence', ['a', 'b', 'a'], { type: 'remove', tags: ['a'] }, ['b']],
  ['remove case-insensitive', ['a', 'B', 'b', 'c'], { type: 'remove', tags: ['b'], caseInsensitive: true }, ['a', 'c']],
  ['remove absent: unchanged', ['a'], { type: 'remove', tags: ['z'] }, ['a']],
  // replace, plain
  ['plain whole-tag', ['red eyes', 'red'], replace({ find: 'red', replace: 'blue' }), ['red eyes', 'blue']],
  ['plain whole-tag is case-sensitive', ['Red'], replace({ find: 'red', replace: 'blue' }), ['Red']],
  ['plain whole-tag ignoring case', ['Red', 'RED'], replace({ find: 'red', replace: 'blue', caseSensitive: false }), ['blue']],
  ['plain whole-tag, empty replacement removes', ['a', 'x', 'b'], replace({ find: 'x' }), ['a', 'b']],
  ['plain inside-tags', ['long_hair', 'short_hair_cut'], replace({ find: '_', replace: ' ', scope: 'inside-tags' }), ['long hair', 'short hair cut']],
  ['plain inside-tags ignoring case', ['Blue Eyes'], replace({ find: 'blue', replace: 'green', scope: 'inside-tags', caseSensitive: false }), ['green Eyes']],
  ['plain inside-tags keeps $ literal', ['price'], replace({ find: 'price', replace: '$1 $&', scope: 'inside-tags', caseSensitive: false }), ['$1 $&']],
  ['plain treats regex characters literally', ['a.b', 'axb'], replace({ find: 'a.b', replace: 'c', scope: 'inside-tags' }), ['c', 'axb']],
  ['inside-tags trims the rewritten tag', ['long hair', 'hair'], replace({ find: 'hair', scope: 'inside-tags' }), ['long']],
  ['inside-tags leaves untouched tags as written', [' odd ', 'x1'], replace({ find: 'x', replace: 'y', scope: 'inside-tags' }), [' odd ', 'y1']],
  ['replace merges into an existing tag', ['blonde hair', 'smile', 'yellow hair'], replace({ find: 'blonde hair', replace: 'yellow hair' }), ['yellow hair', 'smile']],
  // replace, regex
  ['regex whole-tag must match fully', ['score_9', 'score_9_up', 'xscore_9'], replace({ find: 'score_\\d', replace: 'good', mode: 'regex' }), ['good', 'score_9_up', 'xscore_9']],
  ['regex whole-tag with groups', ['hair:blue', 'eyes:red'], replace({ find: '(\\w+):(\\w+)', replace: '$2 $1', mode: 'regex' }), ['blue hair', 'red eyes']],
  ['regex alternation anchored as a whole', ['a', 'b', 'ab'], replace({ find: 'a|b', replace: 'c', mode: 'regex' }), ['c', 'ab']],
  ['regex inside-tags, every match', ['a_b_c'], replace({ find: '_', replace: ' ', mode: 'regex', scope: 'inside-tags' }), ['a b c']],
  ['regex inside-tags ignoring case', ['Masterpiece', 'best'], replace({ find: '^master', replace: 'M-', mode: 'regex', scope: 'inside-tags', caseSensitive: false }), ['M-piece', 'best']],
  ['regex to empty removes the tag', ['(worst quality:1.4)', 'a'], replace({ find: '\\(.*\\)', mode: 'regex', scope: 'inside-tags' }), ['a']],
  ['regex one character is one code point', ['x😀y'], replace({ find: 'x.y', replace: 'z', mode: 'regex' }), ['z']],
  // sort
  ['sort alpha', ['b', 'C', 'a'], { type: 'sort', by: 'alpha', keepFirst: 0 }, ['a', 'b', 'C']],
  ['sort alpha keeps the first N in place', ['trigger', 'z', 'b', 'a'], { type: 'sort', by: 'alpha', keepFirst: 1 }, ['trigger', 'a', 'b', 'z']],
  ['sort alpha keeps first 2', ['z', 'y', 'c', 'b'], { type: 'sort', by: 'alpha', keepFirst: 2 }, ['z', 'y', 'b', 'c']],
  ['sort keepFirst past the end: unchanged', ['b', 'a'], { type: 'sort', by: 'alpha', keepFirst: 5 }, ['b', 'a']],
  ['sort alpha, same letters: exact text breaks the tie', ['a', 'A'], { type: 'sort', by: 'alpha', keepFirst: 0 }, ['A', 'a']],
  ['sort frequency, ties alphabetical', ['outdoors', 'smile', 'hat', 'long hair', 'solo', 'new'], { type: 'sort', by: 'frequency', keepFirst: 0 }, ['solo', 'long hair', 'smile', 'hat', 'outdoors', 'new']],
  ['sort frequency keeps the trigger', ['mychar', 'hat', '1girl'], { type: 'sort', by: 'frequency', keepFirst: 1 }, ['mychar', '1girl', 'hat']],
  // dedupe
  ['dedupe, first wins', ['a', 'b', 'a', 'c', 'b'], { type: 'dedupe' }, ['a', 'b', 'c']],
  ['dedupe is exact', ['a', 'A'], { type: 'dedupe' }, ['a', 'A']],
  // rename
  ['rename', ['a', 'old', 'b'], { type: 'rename', from: 'old', to: 'new' }, ['a', 'new', 'b']],
  ['rename merges, target first', ['new', 'a', 'old'], { type: 'rename', from: 'old', to: 'new' }, ['new', 'a']],
  ['rename merges, source first', ['old', 'a', 'new'], { type: 'rename', from: 'old', to: 'new' }, ['new', 'a']],
  ['rename absent: unchanged', ['a'], { type: 'rename', from: 'old', to: 'new' }, ['a']],
  ['rename is exact', ['Old'], { type: 'rename', from: 'old', to: 'new' }, ['Old']],
  ['rename can change only case', ['Long Hair'], { type: 'rename', from: 'Long Hair', to: 'long hair' }, ['long hair']],
  // delete
  ['delete every occurrence', ['a', 'x', 'b', 'x'], { type: 'delete', tag: 'x' }, ['a', 'b']],
  ['delete is exact', ['X'], { type: 'delete', tag: 'x' }, ['X']],
];

describe('applyBatchOp', () => {
  it.each(cases)('%s', (_name, before, op, after) => {
    const frozen = Object.freeze([...before]);
    expect(applyBatchOp(frozen, op, ctx)).toEqual(after);
    expect(frozen).toEqual(before); // pure: the input is never touched
  });

  it('an invalid regex is a typed error, not a SyntaxError', () => {
    const op = replace({ find: 'a)(b', mode: 'regex' });
    const prepared = prepareBatchOp(op);
    expect(prepared).toEqual({ ok: false, message: "Invalid regular expression: Unmatched ')'" });
    let thrown: unknown;
    try {
      applyBatchOp(['a'], op, ctx);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('invalid-input');
    expect((thrown as AppError).message).toMatch(/^Invalid regular expression: /);
  });

  it('plain mode never treats find as a regex, even an invalid one', () => {
    expect(applyBatchOp(['a)(b'], replace({ find: 'a)(b', replace: 'ok' }), ctx)).toEqual(['ok']);
  });
});

describe('tagsEqual', () => {
  it('compares contents and order', () => {
    expect(tagsEqual(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(tagsEqual(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(tagsEqual(['a'], ['a', 'a'])).toBe(false);
    expect(tagsEqual([], [])).toBe(true);
  });
});
