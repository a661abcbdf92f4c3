import { type BatchOp, regexProblem } from '../../../src-shared/contract/index';
import { splitTagInput } from '../../../src-shared/tag-text';

/**
 * The batch panel's inputs, kept for every operation at once so switching
 * between them loses nothing, and turned into the contract's operation (or the
 * reason it cannot be one yet) by a pure function the tests can drive.
 */
export type FormOpType = 'add' | 'remove' | 'replace' | 'sort' | 'dedupe';

export interface BatchForm {
  type: FormOpType;
  addTags: string;
  addPosition: 'start' | 'end';
  removeTags: string;
  removeIgnoreCase: boolean;
  find: string;
  replace: string;
  mode: 'plain' | 'regex';
  scope: 'whole-tag' | 'inside-tags';
  caseSensitive: boolean;
  sortBy: 'alpha' | 'frequency';
  keepFirst: string;
}

export const initialForm = (keepFirst = 0): BatchForm => ({
  type: 'add',
  addTags: '',
  addPosition: 'end',
  removeTags: '',
  removeIgnoreCase: false,
  find: '',
  replace: '',
  mode: 'plain',
  scope: 'whole-tag',
  caseSensitive: true,
  sortBy: 'alpha',
  keepFirst: String(keepFirst),
});

export type Built = { op: BatchOp; problem: null } | { op: null; problem: string };

const MAX_TAGS = 1000;
const LINE_BREAK = /[\r\n]/;

const problem = (text: string): Built => ({ op: null, problem: text });

function tagList(text: string, what: string): string[] | Built {
  const tags = splitTagInput(text);
  if (tags.length === 0) return problem(`Type the tags to ${what}, separated by commas`);
  if (tags.length > MAX_TAGS) return problem(`At most ${MAX_TAGS} tags at once`);
  return tags;
}

export function buildOp(form: BatchForm): Built {
  switch (form.type) {
    case 'add': {
      const tags = tagList(form.addTags, 'add');
      return Array.isArray(tags) ? { op: { type: 'add', tags, position: form.addPosition }, problem: null } : tags;
    }
    case 'remove': {
      const tags = tagList(form.removeTags, 'remove');
      if (!Array.isArray(tags)) return tags;
      return { op: { type: 'remove', tags, caseInsensitive: form.removeIgnoreCase }, problem: null };
    }
    case 'replace': {
      if (form.find === '') return problem('Type what to find');
      if (form.find.length > 1000 || form.replace.length > 1000) return problem('At most 1,000 characters');
      if (form.mode === 'regex') {
        const bad = regexProblem(form.find);
        if (bad) return problem(bad);
      }
      if (LINE_BREAK.test(form.replace)) return problem('The replacement cannot contain a line break');
      const { find, replace, mode, scope, caseSensitive } = form;
      return { op: { type: 'replace', find, replace, mode, scope, caseSensitive }, problem: null };
    }
    case 'sort': {
      const keep = form.keepFirst.trim() === '' ? 0 : Number(form.keepFirst);
      if (!Number.isInteger(keep) || keep < 0 || keep > 1000) return problem('Keep first: a whole number from 0 to 1000');
      return { op: { type: 'sort', by: form.sortBy, keepFirst: keep }, problem: null };
    }
    case 'dedupe':
      return { op: { type: 'dedupe' }, problem: null };
  }
}
