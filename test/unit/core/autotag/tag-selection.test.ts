import { describe, expect, it } from 'vitest';
import { mcutThreshold } from '../../../../src-main/core/autotag/mcut';
import type { ModelTag } from '../../../../src-main/core/autotag/tag-csv';
import { createSelector, DEFAULT_SELECTION, replacementCaption, type SelectionSettings } from '../../../../src-main/core/autotag/tag-selection';

const TAGS: ModelTag[] = [
  { name: 'general', category: 'rating' },
  { name: 'sensitive', category: 'rating' },
  { name: 'questionable', category: 'rating' },
  { name: 'explicit', category: 'rating' },
  { name: 'long_hair', category: 'general' },
  { name: 'smile', category: 'general' },
  { name: '^_^', category: 'general' },
  { name: 'blue_sky', category: 'general' },
  { name: 'outdoors', category: 'general' },
  { name: 'hatsune_miku', category: 'character' },
  { name: 'kirisame_marisa', category: 'character' },
];
//            general sens  quest expl  long  smile ^_^   sky   out   miku  marisa
const PROBS = [0.2, 0.7, 0.05, 0.01, 0.9, 0.5, 0.36, 0.3, 0.1, 0.95, 0.6];

const select = (settings: Partial<SelectionSettings>, probs: number[] = PROBS) => createSelector(TAGS, { ...DEFAULT_SELECTION, ...settings }).select(probs);
const names = (settings: Partial<SelectionSettings>, probs?: number[]) => select(settings, probs).tags.map((t) => t.name);

describe('tag selection', () => {
  it('takes the highest rating row as the rating', () => {
    expect(select({}).rating).toEqual({ name: 'sensitive', score: 0.7 });
  });

  it('keeps general tags above 0.35 and characters above 0.85 by default, characters first, each highest score first', () => {
    expect(names({})).toEqual(['hatsune_miku', 'long_hair', 'smile', '^_^']);
  });

  it('passes a tag only above its threshold, not at it', () => {
    expect(names({ general: 0.5 })).toEqual(['hatsune_miku', 'long_hair']);
    expect(names({ character: 0.6 })).toEqual(['hatsune_miku', 'long_hair', 'smile', '^_^']);
  });

  it('cuts each category at the middle of its widest gap with MCut', () => {
    // general sorted: 0.9 0.5 0.36 0.3 0.1: gaps 0.4 0.14 0.06 0.2 → cut (0.9 + 0.5) / 2 = 0.7
    // characters: 0.95 0.6 → cut 0.775
    const s = select({ mcut: true });
    expect(s.thresholds.general).toBeCloseTo(0.7, 12);
    expect(s.thresholds.character).toBeCloseTo(0.775, 12);
    expect(s.tags.map((t) => t.name)).toEqual(['hatsune_miku', 'long_hair']);
  });

  it('never cuts characters below 0.15 with MCut', () => {
    const probs = [...PROBS.slice(0, 9), 0.12, 0.02]; // characters' gap is in the middle of 0.12 and 0.02: 0.07
    const s = select({ mcut: true }, probs);
    expect(s.thresholds.character).toBe(0.15);
    expect(s.tags.some((t) => t.category === 'character')).toBe(false);
  });

  it('mcutThreshold: the midpoint of the largest gap; null with nothing to cut', () => {
    expect(mcutThreshold([0.1, 0.8, 0.75, 0.2])).toBeCloseTo(0.475, 12); // sorted .8 .75 .2 .1: widest .75→.2
    expect(mcutThreshold([0.4])).toBeNull();
  });

  it('keeps the highest-scoring tags within the maximum, in the same order', () => {
    expect(names({ maxTags: 2 })).toEqual(['hatsune_miku', 'long_hair']);
    expect(names({ maxTags: 3, character: 0.5 })).toEqual(['hatsune_miku', 'kirisame_marisa', 'long_hair']);
  });

  it('excludes tags by name or glob, a space matching an underscore, before the maximum is counted', () => {
    expect(names({ exclude: ['long hair', 'hatsune_*'] })).toEqual(['smile', '^_^']);
    expect(names({ exclude: ['LONG_HAIR'], maxTags: 2 })).toEqual(['hatsune_miku', 'smile']);
    expect(names({ exclude: ['?mile'] })).toEqual(['hatsune_miku', 'long_hair', '^_^']);
  });

  it('turns underscores into spaces when asked, except in kaomoji', () => {
    expect(names({ underscoresToSpaces: true })).toEqual(['hatsune miku', 'long hair', 'smile', '^_^']);
    expect(names({ underscoresToSpaces: false })).toEqual(['hatsune_miku', 'long_hair', 'smile', '^_^']);
  });
});

describe('replace-mode caption', () => {
  it('is the trigger, the always-added tags, then the character and general tags by score, each once', () => {
    const settings = { ...DEFAULT_SELECTION, always: ['1girl', 'smile'] };
    const selection = createSelector(TAGS, settings).select(PROBS);
    expect(replacementCaption('mychar', selection, settings)).toEqual(['mychar', '1girl', 'smile', 'hatsune_miku', 'long_hair', '^_^']);
    expect(replacementCaption(null, selection, DEFAULT_SELECTION)).toEqual(['hatsune_miku', 'long_hair', 'smile', '^_^']);
  });
});
