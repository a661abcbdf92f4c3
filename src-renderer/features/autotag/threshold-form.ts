import { splitTagInput } from '../../../src-shared/tag-text';
import type { SelectionSettings } from '../../stores/autotag-store';

/**
 * The threshold inputs as the user shapes them: sliders are numbers already,
 * the lists and the tag limit are text until they read as settings. A pure
 * function turns the form into the contract's settings, or says what is wrong.
 */
export interface ThresholdForm {
  general: number;
  character: number;
  mcut: boolean;
  /** empty: no limit */
  maxTags: string;
  /** comma-separated globs: `*_background, monochrome` */
  exclude: string;
  /** comma-separated tags given to every image */
  always: string;
  underscoresToSpaces: boolean;
}

/** the reference tagger's defaults (SmilingWolf's app.py, kohya's script) */
export const initialThresholds = (underscoresToSpaces = false): ThresholdForm => ({
  general: 0.35,
  character: 0.85,
  mcut: false,
  maxTags: '',
  exclude: '',
  always: '',
  underscoresToSpaces,
});

export type BuiltSettings = { settings: SelectionSettings; problem: null } | { settings: null; problem: string };

const MAX_LIST = 1000;
const MAX_ALWAYS = 100;

/** a comma list kept as typed, apart from the spaces around each item */
const globList = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

export function buildSettings(form: ThresholdForm): BuiltSettings {
  const fail = (problem: string): BuiltSettings => ({ settings: null, problem });
  let maxTags: number | null = null;
  if (form.maxTags.trim() !== '') {
    maxTags = Number(form.maxTags);
    if (!Number.isInteger(maxTags) || maxTags < 1 || maxTags > 1000) return fail('Max tags: a whole number from 1 to 1000, or empty for no limit');
  }
  const exclude = globList(form.exclude);
  if (exclude.length > MAX_LIST) return fail(`At most ${MAX_LIST} excluded tags`);
  if (exclude.some((glob) => glob.length > 200)) return fail('An excluded tag is longer than 200 characters');
  const always = splitTagInput(form.always);
  if (always.length > MAX_ALWAYS) return fail(`At most ${MAX_ALWAYS} tags to always add`);
  return {
    settings: {
      general: form.general,
      character: form.character,
      mcut: form.mcut,
      maxTags,
      exclude,
      always,
      underscoresToSpaces: form.underscoresToSpaces,
    },
    problem: null,
  };
}
