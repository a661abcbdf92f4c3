import type { IndexChannel } from '../store/index-channel';
import type { ProvenanceColumns, ProvenanceRow } from '../store/index-database';

interface Kept {
  /** the index thread's modelTagsStamp the rows were read under */
  stamp: string | null;
  rows: Promise<Map<number, ProvenanceRow[]>> | null;
}

/**
 * The rows as last read, per session database: the dataset's review asks
 * for every row, which is 300,000 at 10,000 images of 30 model tags. They
 * are read again once the index thread's stamp of them changes: any write
 * to them, whoever made it (an apply, a run deleted, an image gone), or a
 * change to the undo log, which decides which rows count.
 */
const kept = new WeakMap<IndexChannel, Kept>();

function keptOf(index: IndexChannel): Kept {
  let k = kept.get(index);
  if (!k) kept.set(index, (k = { stamp: null, rows: null }));
  return k;
}

/**
 * Which tags a model wrote or suggested, through the index thread (see
 * migration 006). The rows of an undone apply never come back from here; a
 * row counts only while the image's caption holds its tag (heldModelTags).
 */
export class ProvenanceStore {
  constructor(private readonly index: IndexChannel) {}

  /** every image's rows, by image id */
  async all(): Promise<ReadonlyMap<number, readonly ProvenanceRow[]>> {
    const k = keptOf(this.index);
    // a write that lands between the two requests makes the rows newer than the stamp: the next call reads again
    const stamp = await this.index.call('modelTagsStamp');
    if (k.stamp === stamp && k.rows) return k.rows;
    const reading = this.index.call('allProvenance').then(provenanceByImage);
    k.stamp = stamp;
    k.rows = reading;
    reading.catch(() => {
      if (k.rows !== reading) return;
      k.rows = null;
      k.stamp = null;
    });
    return reading;
  }

  async of(imageId: number): Promise<ProvenanceRow[]> {
    return (await this.index.call('imageProvenance', imageId)).map(rowOf);
  }

  /** the tags an apply just wrote, under its undo step: asked inside the apply's turn, so the newest step is the apply's */
  async recordApplied(rows: readonly ProvenanceRow[]): Promise<void> {
    if (rows.length === 0) return;
    const stepId = await this.index.call('lastDoneStepId');
    await this.index.call('recordProvenance', rows, stepId);
  }

  async recordSuggested(rows: readonly ProvenanceRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.index.call('recordProvenance', rows, null);
  }

  async drop(rows: readonly { imageId: number; tag: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.index.call('dropProvenance', rows);
  }
}

const rowOf = (r: unknown[]): ProvenanceRow => ({
  imageId: r[0] as number,
  tag: r[1] as string,
  runId: r[2] as number,
  score: r[3] as number,
  category: r[4] as string,
  suggested: r[5] === 1,
});

/** allProvenance's columns as each image's rows */
export function provenanceByImage(c: ProvenanceColumns): Map<number, ProvenanceRow[]> {
  const tags = JSON.parse(c.tags) as string[];
  const out = new Map<number, ProvenanceRow[]>();
  for (let i = 0; i < c.imageIds.length; i++) {
    const imageId = c.imageIds[i]!;
    let list = out.get(imageId);
    if (!list) out.set(imageId, (list = []));
    list.push({ imageId, tag: tags[i]!, runId: c.runIds[i]!, score: c.scores[i]!, category: c.character[i] ? 'character' : 'general', suggested: c.suggested[i] === 1 });
  }
  return out;
}

/** an image's tags a model gave: its rows whose tag the caption still holds (a tag a person took out is gone) */
export function heldModelTags(captionTags: readonly string[], rows: readonly ProvenanceRow[] | undefined): ProvenanceRow[] {
  if (!rows || rows.length === 0) return [];
  const held = new Set(captionTags);
  return rows.filter((r) => held.has(r.tag));
}

/** a suggestion still waiting: suggested, not in the caption */
export function pendingSuggestions(captionTags: readonly string[], rows: readonly ProvenanceRow[] | undefined): ProvenanceRow[] {
  if (!rows || rows.length === 0) return [];
  const held = new Set(captionTags);
  return rows.filter((r) => r.suggested && !held.has(r.tag));
}
