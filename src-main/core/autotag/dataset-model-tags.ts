import type { JobRunner } from '../jobs/job-runner';
import { countedLabel } from '../history/step-labels';
import { writeBatch } from '../session/batch-edit';
import type { DatasetSession } from '../session/dataset-session';
import type { ImageEntry } from '../session/image-entry';
import type { ProvenanceRow } from '../store/index-database';
import { modelIdsByRun } from './image-model-tags';
import { heldModelTags, ProvenanceStore } from './provenance-store';
import type { TagCategory } from './tag-csv';

/** The dataset-wide review: the tags models wrote that captions still hold, and settling one everywhere at once. */

export interface ReviewedTag {
  tag: string;
  category: TagCategory | null;
  images: number;
  meanScore: number;
  modelIds: string[];
}

const categoryOf = (c: string): TagCategory | null => (c === 'general' || c === 'character' || c === 'rating' ? c : null);

/** every image's model tags that its caption holds, with the image */
async function heldEverywhere(session: DatasetSession): Promise<{ entry: ImageEntry; row: ProvenanceRow }[]> {
  const rows = await new ProvenanceStore(session.store.index).all();
  const out: { entry: ImageEntry; row: ProvenanceRow }[] = [];
  for (const entry of session.allEntries()) for (const row of heldModelTags(entry.caption.tags, rows.get(entry.row.id))) out.push({ entry, row });
  return out;
}

/** the model tags still in captions, most images first (then by name), each with its mean score and the models that gave it */
export async function reviewModelTags(session: DatasetSession): Promise<ReviewedTag[]> {
  const held = await heldEverywhere(session);
  const models = await modelIdsByRun(session);
  const byTag = new Map<string, { images: number; sum: number; category: string; runs: Set<number> }>();
  for (const { row } of held) {
    let t = byTag.get(row.tag);
    if (!t) byTag.set(row.tag, (t = { images: 0, sum: 0, category: row.category, runs: new Set() }));
    t.images++;
    t.sum += row.score;
    t.runs.add(row.runId);
  }
  return [...byTag]
    .map(([tag, t]) => ({
      tag,
      category: categoryOf(t.category),
      images: t.images,
      meanScore: t.sum / t.images,
      modelIds: [...new Set([...t.runs].map((r) => models.get(r) ?? ''))].filter(Boolean).sort(),
    }))
    .sort((a, b) => b.images - a.images || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}

/**
 * `keep`: the tag becomes a person's wherever a model wrote it (nothing is
 * written). `remove`: it leaves every caption a model put it in, one
 * undoable step through the batch write; where a person wrote it, it stays.
 */
export function settleModelTag(session: DatasetSession, tag: string, action: 'keep' | 'remove', jobs: JobRunner): Promise<{ changed: number; conflicts: string[] }> {
  return session.runStep(async () => {
    const held = (await heldEverywhere(session)).filter(({ row }) => row.tag === tag);
    if (action === 'keep') {
      await new ProvenanceStore(session.store.index).drop(held.map(({ row }) => row));
      return { changed: held.length, conflicts: [] };
    }
    if (held.length === 0) return { changed: 0, conflicts: [] };
    const stem = `Remove model tag “${tag}” from `;
    const without = (e: ImageEntry) => (e.caption.tags.includes(tag) ? e.caption.tags.filter((t) => t !== tag) : null);
    const outcome = await writeBatch(session, held.map(({ entry }) => entry), without, { label: countedLabel(stem, held.length), stem }, jobs);
    return { changed: outcome.changed, conflicts: outcome.conflicts };
  });
}
