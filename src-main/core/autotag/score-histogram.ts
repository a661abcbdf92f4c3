import { displayTagName } from './kaomoji';
import type { StoredRun } from './stored-run';
import type { TagCategory } from './tag-csv';

export const HISTOGRAM_BINS = 20;

export interface ScoreHistogram {
  tag: string;
  /** null: the model has no such tag */
  category: TagCategory | null;
  /** images the run scored */
  images: number;
  /** bin i counts scores in [i/20, (i+1)/20); a score of 1 is in the last; a score under the run's floor (not kept) in bin 0 */
  bins: number[];
}

/** How a tag's scores spread over a run's images. The tag is found by its name in the model or as a caption shows it (spaces for underscores). */
export function scoreHistogram(run: StoredRun, tag: string): ScoreHistogram {
  const byName = run.labels.findIndex((l) => l.name === tag);
  const at = byName >= 0 ? byName : run.labels.findIndex((l) => displayTagName(l.name, true) === tag);
  const bins = new Array<number>(HISTOGRAM_BINS).fill(0);
  let images = 0;
  for (const scores of run.images.values()) {
    if ('error' in scores) continue;
    images++;
    let score = 0;
    if (at >= 0) {
      for (let k = 0; k < scores.indices.length; k++) {
        if (scores.indices[k] === at) {
          score = scores.scores[k]!;
          break;
        }
      }
    }
    bins[Math.min(HISTOGRAM_BINS - 1, Math.floor(score * HISTOGRAM_BINS))]!++;
  }
  return { tag, category: at >= 0 ? run.labels[at]!.category : null, images, bins };
}
