import { countedLabel } from '../history/step-labels';
import type { JobRunner } from '../jobs/job-runner';
import { writeBatch, type BatchOutcome } from '../session/batch-edit';
import type { DatasetSession } from '../session/dataset-session';
import type { ImageEntry } from '../session/image-entry';
import type { ProvenanceRow } from '../store/index-database';
import { pendingSuggestions, ProvenanceStore } from './provenance-store';
import { ScoreStore } from './score-store';
import { loadRun, type StoredRun } from './stored-run';
import { changedTags, tagPlan, type ApplyMode } from './tag-plan';
import type { SelectionSettings } from './tag-selection';

/**
 * Turns a run's stored scores into tags for `entries`, one undoable step
 * through the one conflict-checked batch write, and records which tags the
 * model wrote (image, tag, run, score) under that step: an undo of the apply
 * makes them no model's, a redo makes them the model's again. In `suggest`
 * mode nothing is written: the model's tags an image lacks (and a person has
 * not turned down) become its suggestions, and the run the dataset's
 * suggesting run.
 */
export function applyAutotag(
  session: DatasetSession,
  runId: number,
  settings: SelectionSettings,
  mode: ApplyMode,
  entries: readonly ImageEntry[],
  jobs: JobRunner,
): Promise<BatchOutcome> {
  return session.runStep(async () => {
    const run = await loadRun(session.store.index, runId);
    if (mode === 'suggest') return suggest(session, run, settings, entries);
    const plan = tagPlan(run, settings, mode, session.settingsNow().triggerWord);
    const changing = entries.filter((e) => changedTags(plan(e), e) !== null);
    if (changing.length === 0) return { changed: 0, conflicts: [], refused: [] };
    const before = new Map(changing.map((e) => [e.row.id, new Set(e.caption.tags)]));
    const stem = mode === 'replace' ? 'Auto-tag (replace) ' : 'Auto-tag ';
    const outcome = await writeBatch(session, changing, (e) => changedTags(plan(e), e), { label: countedLabel(stem, changing.length), stem }, jobs);
    // the model's tags each image now holds that it did not before: a person's own tags stay theirs
    const written: ProvenanceRow[] = [];
    for (const entry of changing) {
      const had = before.get(entry.row.id)!;
      const now = new Set(entry.caption.tags);
      for (const t of plan(entry)?.chosen ?? []) {
        if (now.has(t.name) && !had.has(t.name)) written.push({ imageId: entry.row.id, tag: t.name, runId, score: t.score, category: t.category, suggested: false });
      }
    }
    if (outcome.changed > 0) await new ProvenanceStore(session.store.index).recordApplied(written);
    return outcome;
  });
}

/** the model's tags each image lacks become its suggestions, replacing the ones still waiting from before */
async function suggest(session: DatasetSession, run: StoredRun, settings: SelectionSettings, entries: readonly ImageEntry[]): Promise<BatchOutcome> {
  const provenance = new ProvenanceStore(session.store.index);
  const [rejected, existing] = await Promise.all([new ScoreStore(session.store.index).rejected(), provenance.all()]);
  const plan = tagPlan(run, settings, 'suggest', session.settingsNow().triggerWord);
  const stale: { imageId: number; tag: string }[] = [];
  const fresh: ProvenanceRow[] = [];
  let changed = 0;
  for (const entry of entries) {
    const chosen = plan(entry)?.chosen;
    if (!chosen) continue;
    const id = entry.row.id;
    stale.push(...pendingSuggestions(entry.caption.tags, existing.get(id)));
    const have = new Set(entry.caption.tags);
    const turnedDown = rejected.get(id);
    const rows = chosen.filter((t) => !have.has(t.name) && !turnedDown?.has(t.name));
    if (rows.length > 0) changed++;
    fresh.push(...rows.map((t) => ({ imageId: id, tag: t.name, runId: run.runId, score: t.score, category: t.category, suggested: true })));
  }
  await provenance.drop(stale);
  await provenance.recordSuggested(fresh);
  await session.store.index.call('setSuggestingRun', run.runId, JSON.stringify(settings));
  return { changed, conflicts: [], refused: [] };
}
