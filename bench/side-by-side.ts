import type { Figures } from './context';

/**
 * The side-by-side targets: our open against TagGUI's folder load
 * and our import-open against civitai-tagger's (the seed's) import, each a
 * ratio of ours to theirs within one run. TagGUI's targets depend on the
 * folder's size: those for 100,000 images from 100,000 on, else those for
 * 10,000.
 */
export interface SideBySideTargets {
  /** firstOpenMs ÷ TagGUI's load, at most */
  tagguiFirst: number;
  /** reopenMs ÷ TagGUI's load, at most */
  tagguiReopen: number;
  /** reopenMs, at most, where the issue sets one */
  reopenMs: number | null;
  /** our import-open ÷ the seed's import, at most */
  seed: number;
  /** which set of targets: the folder size they were written for */
  forImages: 10_000 | 100_000;
}

export function sideBySideTargets(images: number): SideBySideTargets {
  return images >= 100_000
    ? { tagguiFirst: 0.3, tagguiReopen: 0.05, reopenMs: 1000, seed: 1, forImages: 100_000 }
    : { tagguiFirst: 0.5, tagguiReopen: 0.1, reopenMs: null, seed: 1, forImages: 10_000 };
}

/** ours ÷ theirs for one run's figures, where both were measured (NaN where either is missing or theirs is 0) */
export function withRatios(figures: Figures): Figures {
  const ratio = (ours: string, theirs: string): number => {
    const a = figures[ours];
    const b = figures[theirs];
    return a === undefined || b === undefined || !(b > 0) ? Number.NaN : a / b;
  };
  const out: Figures = { ...figures };
  if ('tagguiFirstMs' in figures) {
    out.tagguiFirstRatio = ratio('firstOpenMs', 'tagguiFirstMs');
    out.tagguiReopenRatio = ratio('reopenMs', 'tagguiReopenMs');
    if ('builtFirstOpenMs' in figures) {
      out.builtTagguiFirstRatio = ratio('builtFirstOpenMs', 'tagguiFirstMs');
      out.builtTagguiReopenRatio = ratio('builtReopenMs', 'tagguiReopenMs');
    }
  }
  if ('seedImportMs' in figures) {
    out.seedRatio = ratio('seedOursMs', 'seedImportMs');
    if ('seedBuiltMs' in figures) out.seedBuiltRatio = ratio('seedBuiltMs', 'seedImportMs');
  }
  return out;
}
