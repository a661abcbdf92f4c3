import { displayTagName } from './kaomoji';
import { CHARACTER_MCUT_FLOOR, mcutThreshold } from './mcut';
import type { ModelTag, TagCategory } from './tag-csv';
import { compileTagPatterns } from './tag-glob';

/**
 * From one image's probabilities to its tags, by the reference tagger's
 * rules: the rating is the highest rating row; general and character tags
 * each pass their own threshold (or their category's MCut); a tag passes
 * when its probability is above the threshold, strictly, as in the reference.
 */
export interface SelectionSettings {
  general: number;
  character: number;
  /** MCut per category instead of the fixed thresholds */
  mcut: boolean;
  /** at most this many model tags (the highest scores); null: no limit */
  maxTags: number | null;
  /** globs: tags never given */
  exclude: readonly string[];
  /** given to every image, after the trigger and before the model's tags */
  always: readonly string[];
  underscoresToSpaces: boolean;
}

export const DEFAULT_SELECTION: SelectionSettings = {
  general: 0.35,
  character: 0.85,
  mcut: false,
  maxTags: null,
  exclude: [],
  always: [],
  underscoresToSpaces: false,
};

export interface ScoredTag {
  /** as the caption shows it (underscores per the settings) */
  name: string;
  category: Exclude<TagCategory, 'rating'>;
  score: number;
}

export interface TagSelection {
  rating: { name: string; score: number } | null;
  /** characters first, then general tags, each highest score first */
  tags: ScoredTag[];
  /** the thresholds used (MCut's, when it is on) */
  thresholds: { general: number; character: number };
}

/** what stays fixed for a whole run: the indices of each category, the exclude test */
export interface Selector {
  select(probabilities: ArrayLike<number>): TagSelection;
  readonly settings: SelectionSettings;
}

export function createSelector(tags: readonly ModelTag[], settings: SelectionSettings): Selector {
  const excluded = compileTagPatterns(settings.exclude);
  const byCategory = (c: TagCategory) => tags.flatMap((t, i) => (t.category === c ? [i] : []));
  const ratings = byCategory('rating');
  const general = byCategory('general').filter((i) => !excluded(tags[i]!.name));
  const character = byCategory('character').filter((i) => !excluded(tags[i]!.name));

  const cut = (indices: number[], p: ArrayLike<number>, fixed: number, floor: number) => {
    if (!settings.mcut) return fixed;
    const m = mcutThreshold(indices.map((i) => p[i]!));
    return m === null ? fixed : Math.max(floor, m);
  };

  return {
    settings,
    select(p) {
      let rating: TagSelection['rating'] = null;
      for (const i of ratings) if (rating === null || p[i]! > rating.score) rating = { name: tags[i]!.name, score: p[i]! };
      const thresholds = { general: cut(general, p, settings.general, 0), character: cut(character, p, settings.character, CHARACTER_MCUT_FLOOR) };
      const passed = (indices: number[], threshold: number, category: ScoredTag['category']): ScoredTag[] =>
        indices.filter((i) => p[i]! > threshold).map((i) => ({ name: displayTagName(tags[i]!.name, settings.underscoresToSpaces), category, score: p[i]! }));
      let chosen = [...passed(character, thresholds.character, 'character'), ...passed(general, thresholds.general, 'general')];
      if (settings.maxTags !== null && chosen.length > settings.maxTags) {
        const kept = new Set([...chosen].sort((a, b) => b.score - a.score).slice(0, settings.maxTags));
        chosen = chosen.filter((t) => kept.has(t));
      }
      const order = (c: ScoredTag['category']) => chosen.filter((t) => t.category === c).sort((a, b) => b.score - a.score);
      return { rating, tags: [...order('character'), ...order('general')], thresholds };
    },
  };
}

/**
 * A caption in replace mode: the trigger (if set), the always-added tags,
 * then the model's tags in the selection's order; each tag once.
 */
export function replacementCaption(trigger: string | null, selection: TagSelection, settings: Pick<SelectionSettings, 'always'>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (tag: string) => {
    const t = tag.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  };
  if (trigger) add(trigger);
  for (const tag of settings.always) add(tag);
  for (const tag of selection.tags) add(tag.name);
  return out;
}
