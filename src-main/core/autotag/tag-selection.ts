import { displayTagName } from './kaomoji';
import { CHARACTER_MCUT_FLOOR, mcutInPlace } from './mcut';
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

/** what stays fixed for a whole run: each label's category (or excluded), the categories' sizes */
export interface Selector {
  /** every label's probability, in the model's order */
  select(probabilities: ArrayLike<number>): TagSelection;
  /**
   * Only the labels that were kept (a stored run keeps those above its
   * floor): the others count as 0, as they would in `select`, so MCut sees
   * the same gaps. At 100 kept scores an image, a slider's preview over
   * 10,000 images is a million steps, not a hundred million.
   */
  selectSparse(indices: ArrayLike<number>, scores: ArrayLike<number>): TagSelection;
  readonly settings: SelectionSettings;
}

const RATING = 1;
const GENERAL = 2;
const CHARACTER = 3;

/** positions (into a score list) of the scores above `threshold`, highest first */
function passing(at: readonly number[], scores: ArrayLike<number>, threshold: number): number[] {
  const out: number[] = [];
  for (const k of at) if (scores[k]! > threshold) out.push(k);
  return out.sort((a, b) => scores[b]! - scores[a]!);
}

export function createSelector(tags: readonly ModelTag[], settings: SelectionSettings): Selector {
  const excluded = compileTagPatterns(settings.exclude);
  // 0: a label never given (excluded, or of another category)
  const kind = Uint8Array.from(tags, (t) =>
    t.category === 'rating' ? RATING : excluded(t.name) ? 0 : t.category === 'general' ? GENERAL : t.category === 'character' ? CHARACTER : 0,
  );
  const size = (k: number) => kind.reduce((n, x) => (x === k ? n + 1 : n), 0);
  const generalSize = size(GENERAL);
  const characterSize = size(CHARACTER);
  const everyIndex = Uint32Array.from(tags, (_, i) => i);
  // each label's name as a caption shows it, made the first time it is chosen
  const shown: (string | undefined)[] = new Array(tags.length);
  const nameOf = (i: number) => (shown[i] ??= displayTagName(tags[i]!.name, settings.underscoresToSpaces));

  /**
   * The category's cut: MCut over its scores, the labels not kept among them
   * as 0. Two zeros stand for any number of them: between zeros the gap is
   * 0, so more would change no cut.
   */
  const cut = (at: readonly number[], scores: ArrayLike<number>, categorySize: number, fixed: number, floor: number) => {
    if (!settings.mcut) return fixed;
    const values = new Float64Array(at.length + Math.min(2, Math.max(0, categorySize - at.length)));
    at.forEach((k, j) => (values[j] = scores[k]!));
    const m = mcutInPlace(values);
    return m === null ? fixed : Math.max(floor, m);
  };

  const selectSparse = (indices: ArrayLike<number>, scores: ArrayLike<number>): TagSelection => {
    let rating: TagSelection['rating'] = null;
    const general: number[] = [];
    const character: number[] = [];
    for (let k = 0; k < indices.length; k++) {
      const kindOf = kind[indices[k]!];
      if (kindOf === GENERAL) general.push(k);
      else if (kindOf === CHARACTER) character.push(k);
      else if (kindOf === RATING && (rating === null || scores[k]! > rating.score)) rating = { name: tags[indices[k]!]!.name, score: scores[k]! };
    }
    const thresholds = {
      general: cut(general, scores, generalSize, settings.general, 0),
      character: cut(character, scores, characterSize, settings.character, CHARACTER_MCUT_FLOOR),
    };
    let chars = passing(character, scores, thresholds.character);
    let gens = passing(general, scores, thresholds.general);
    const max = settings.maxTags;
    if (max !== null && chars.length + gens.length > max) {
      // the highest scores of both lists, each already highest first (a tie goes to the character, as it comes first)
      let c = 0;
      let g = 0;
      while (c + g < max) {
        if (g >= gens.length || (c < chars.length && scores[chars[c]!]! >= scores[gens[g]!]!)) c++;
        else g++;
      }
      chars = chars.slice(0, c);
      gens = gens.slice(0, g);
    }
    const scored = (k: number, category: ScoredTag['category']): ScoredTag => ({ name: nameOf(indices[k]!), category, score: scores[k]! });
    return { rating, tags: [...chars.map((k) => scored(k, 'character')), ...gens.map((k) => scored(k, 'general'))], thresholds };
  };

  return { settings, selectSparse, select: (p) => selectSparse(everyIndex, p) };
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
