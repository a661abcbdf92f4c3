import type { IndexChannel } from '../store/index-channel';
import type { ImageScoresRow, TaggerRunRow } from '../store/index-database';
import { unpackScores, type TagScore } from './packed-scores';
import { forgetRun } from './stored-run';
import type { ModelTag, TagCategory } from './tag-csv';

/** rows per request: a few hundred KB of packed scores */
const CHUNK = 1000;

/** one image's result of a run */
export type ImageScores = { ok: true; scores: TagScore[] } | { ok: false; reason: string };

/**
 * Tagging runs and their scores in session.sqlite, through the index thread
 * (see migration 005): every score of every run is kept, so thresholds
 * re-apply without the model, and a run cut short resumes where it stopped.
 */
export class ScoreStore {
  constructor(private readonly index: IndexChannel) {}

  startRun(modelId: string, labels: readonly ModelTag[], settings: unknown, at = Date.now()): Promise<number> {
    return this.index.call('startTaggerRun', modelId, labels.map((l) => [l.name, l.category] as const), JSON.stringify(settings), at);
  }

  finishRun(runId: number, at = Date.now()): Promise<void> {
    return this.index.call('finishTaggerRun', runId, at);
  }

  runs(): Promise<TaggerRunRow[]> {
    return this.index.call('taggerRuns');
  }

  async labels(runId: number): Promise<ModelTag[] | null> {
    const rows = await this.index.call('taggerRunLabels', runId);
    return rows && rows.map(([name, category]) => ({ name, category: category as TagCategory }));
  }

  async put(runId: number, rows: readonly ImageScoresRow[]): Promise<void> {
    forgetRun(this.index, runId);
    for (let at = 0; at < rows.length; at += CHUNK) await this.index.call('putScores', runId, rows.slice(at, at + CHUNK));
  }

  async scoredImageIds(runId: number): Promise<Set<number>> {
    return new Set(await this.index.call('scoredImageIds', runId));
  }

  /** every result of a run, by image id */
  async all(runId: number): Promise<Map<number, ImageScores>> {
    const out = new Map<number, ImageScores>();
    let after = -1;
    for (;;) {
      const page = await this.index.call('scoresPage', runId, after, CHUNK);
      for (const r of page) out.set(r.imageId, r.packed ? { ok: true, scores: unpackScores(r.packed) } : { ok: false, reason: r.error ?? 'no score' });
      if (page.length < CHUNK) return out;
      after = page[page.length - 1]!.imageId;
    }
  }

  reject(rows: readonly { imageId: number; tag: string }[]): Promise<void> {
    return this.index.call('rejectSuggestions', rows);
  }

  /** tags turned down, by image id */
  async rejected(): Promise<Map<number, Set<string>>> {
    const out = new Map<number, Set<string>>();
    for (const { imageId, tag } of await this.index.call('rejectedSuggestions')) {
      let set = out.get(imageId);
      if (!set) out.set(imageId, (set = new Set()));
      set.add(tag);
    }
    return out;
  }
}
