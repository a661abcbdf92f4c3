import { tagsEqual } from '../batch/apply-op';
import { keepTriggerFirst } from '../batch/reorder';
import type { ImageEntry } from '../session/image-entry';
import type { StoredRun } from './stored-run';
import { createSelector, replacementCaption, type ScoredTag, type SelectionSettings, type TagSelection } from './tag-selection';

export type ApplyMode = 'append' | 'replace' | 'suggest';

/** an image's tags after an apply, and the model's tags that went into them */
export interface ImagePlan {
  after: string[];
  /** the model's choice for the image, in caption order (characters, then general tags, highest score first) */
  chosen: ScoredTag[];
  thresholds: TagSelection['thresholds'];
}

/**
 * Each image's tags after applying a run's scores with these settings, from
 * the stored scores alone (no model run): `append` keeps the image's tags and
 * adds the model's after them; `replace` makes the caption the trigger, the
 * always-added tags and the model's, highest score first; `suggest` leaves
 * the caption as it is (the model's choice becomes suggestions). The trigger
 * stays first. Null for an image the run has no scores for.
 */
export function tagPlan(run: StoredRun, settings: SelectionSettings, mode: ApplyMode, trigger: string | null): (entry: ImageEntry) => ImagePlan | null {
  const selector = createSelector(run.labels, settings);
  return (entry) => {
    const scores = run.images.get(entry.row.id);
    if (!scores || 'error' in scores) return null;
    const selection = selector.selectSparse(scores.indices, scores.scores);
    const current = entry.caption.tags;
    let after: string[];
    if (mode === 'suggest') after = current;
    else if (mode === 'replace') after = replacementCaption(trigger, selection, settings);
    else {
      const have = new Set(current);
      after = [...current, ...[...settings.always, ...selection.tags.map((t) => t.name)].filter((t) => !have.has(t) && have.add(t))];
      if (trigger) after = keepTriggerFirst(after, trigger);
    }
    return { after, chosen: selection.tags, thresholds: selection.thresholds };
  };
}

/** the plan as a batch write takes it: an image's tags after, or null when it would not change */
export function changedTags(plan: ImagePlan | null, entry: ImageEntry): string[] | null {
  return plan && !tagsEqual(plan.after, entry.caption.tags) ? plan.after : null;
}
