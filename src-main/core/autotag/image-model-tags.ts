import type { DatasetSession } from '../session/dataset-session';
import { heldModelTags, pendingSuggestions, ProvenanceStore } from './provenance-store';
import { ScoreStore } from './score-store';
import type { TagCategory } from './tag-csv';

/** One image's side of the review layer: where each tag came from, the suggestions waiting, a suggestion turned down. */

export interface TagProvenance {
  tag: string;
  source: 'model' | 'person';
  modelId: string | null;
  score: number | null;
}

/** a run's model, by run id */
export async function modelIdsByRun(session: DatasetSession): Promise<Map<number, string>> {
  return new Map((await new ScoreStore(session.store.index).runs()).map((r) => [r.id, r.modelId]));
}

/** each of the image's tags, in caption order: the model's (which, and its score) while its apply stands and the caption holds it, else a person's */
export async function imageProvenance(session: DatasetSession, imageId: number): Promise<TagProvenance[]> {
  const entry = session.entry(imageId);
  const rows = heldModelTags(entry.caption.tags, await new ProvenanceStore(session.store.index).of(imageId));
  const byTag = new Map(rows.map((r) => [r.tag, r]));
  const models = rows.length > 0 ? await modelIdsByRun(session) : new Map<number, string>();
  return entry.caption.tags.map((tag) => {
    const row = byTag.get(tag);
    return row ? { tag, source: 'model', modelId: models.get(row.runId) ?? null, score: row.score } : { tag, source: 'person', modelId: null, score: null };
  });
}

export interface ImageSuggestions {
  runId: number | null;
  modelId: string | null;
  suggestions: { tag: string; score: number; category: Exclude<TagCategory, 'rating'> }[];
}

/** the suggestions still waiting for an image (not in its caption, not turned down), highest score first */
export async function imageSuggestions(session: DatasetSession, imageId: number): Promise<ImageSuggestions> {
  const entry = session.entry(imageId);
  const suggesting = await session.store.index.call('suggestingRun');
  if (!suggesting) return { runId: null, modelId: null, suggestions: [] };
  const scores = new ScoreStore(session.store.index);
  const [rows, rejected, models] = await Promise.all([new ProvenanceStore(session.store.index).of(imageId), scores.rejected(), modelIdsByRun(session)]);
  const turnedDown = rejected.get(imageId);
  const suggestions = pendingSuggestions(entry.caption.tags, rows)
    .filter((r) => !turnedDown?.has(r.tag))
    .sort((a, b) => b.score - a.score || (a.tag < b.tag ? -1 : 1))
    .map((r) => ({ tag: r.tag, score: r.score, category: r.category === 'character' ? ('character' as const) : ('general' as const) }));
  return { runId: suggesting.runId, modelId: models.get(suggesting.runId) ?? null, suggestions };
}

/** a suggestion turned down: never suggested again for that image, and a person who types the tag later typed it themselves */
export async function rejectSuggestion(session: DatasetSession, imageId: number, tag: string): Promise<void> {
  const entry = session.entry(imageId);
  const store = new ProvenanceStore(session.store.index);
  await new ScoreStore(session.store.index).reject([{ imageId, tag }]);
  const waiting = pendingSuggestions(entry.caption.tags, await store.of(imageId)).filter((r) => r.tag === tag);
  await store.drop(waiting);
}
