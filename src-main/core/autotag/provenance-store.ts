import type { IndexChannel } from '../store/index-channel';
import type { ProvenanceRow } from '../store/index-database';

/** rows per request */
const PAGE = 5000;

/**
 * Which tags a model wrote or suggested, through the index thread (see
 * migration 006). The rows of an undone apply never come back from here; a
 * row counts only while the image's caption holds its tag (heldModelTags).
 */
export class ProvenanceStore {
  constructor(private readonly index: IndexChannel) {}

  /** every image's rows, by image id */
  async all(): Promise<Map<number, ProvenanceRow[]>> {
    const out = new Map<number, ProvenanceRow[]>();
    for (let after = -1; ; ) {
      const page = await this.index.call('provenancePage', after, PAGE);
      for (const raw of page) {
        const row = rowOf(raw);
        let list = out.get(row.imageId);
        if (!list) out.set(row.imageId, (list = []));
        list.push(row);
      }
      if (page.length < PAGE) return out;
      after = page[page.length - 1]![0] as number;
    }
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
    if (rows.length > 0) await this.index.call('recordProvenance', rows, null);
  }

  async drop(rows: readonly { imageId: number; tag: string }[]): Promise<void> {
    if (rows.length > 0) await this.index.call('dropProvenance', rows);
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
