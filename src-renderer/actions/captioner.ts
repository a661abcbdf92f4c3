import type { ChannelInput, ChannelOutput } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { resultText } from '../features/batch/batch-text';
import { withPreset, type CaptionRunInput } from '../features/captioner/captioner-form';
import {
  type CaptionRun,
  requestCaptionerPanel,
  type ResultStatus,
  setCaptionForm,
  useCaptionerStore,
} from '../stores/captioner-store';
import { useJobsStore } from '../stores/jobs-store';
import { usePanelLayout } from '../stores/panel-layout-store';
import { showToast } from '../stores/ui-store';
import { api, call } from '../transport/api';
import { whenEditsSettled } from './caption-edits';
import { reloadCurrentImage } from './current-image';
import { refreshFilter } from './refresh-filter';

export type BackendInput = ChannelInput<'captioner.saveBackend'>;
export type ReviewOutcome = ChannelOutput<'captioner.accept'>;

const set = useCaptionerStore.setState;
const get = useCaptionerStore.getState;

export function openCaptionerPanel(): void {
  requestCaptionerPanel();
  // the panel lives in the editing column: a folded column would hide what the key or button asked for
  usePanelLayout.setState((s) => (s.collapsed.editor ? { collapsed: { ...s.collapsed, editor: false } } : s));
  void loadBackends();
  void loadPrompts();
  void loadCaptionRuns();
}

/** saved backends and presets; ticks drop backends that are gone, and a lone backend is ticked for the user */
export async function loadBackends(): Promise<void> {
  const result = await call('captioner.backends', {});
  if (!result.ok) {
    set({ backendsError: result.error.message });
    return;
  }
  const { backends, presets } = result.value;
  set((s) => {
    const known = s.backendIds.filter((id) => backends.some((b) => b.id === id));
    return { backends, presets, backendsError: null, backendIds: known.length > 0 || backends.length === 0 ? known : [backends[0]!.id] };
  });
  for (const id of get().backendIds) if (!(id in get().models)) void loadModels(id);
}

/** add or change a backend; the new one is ticked and asked for its models. The key, if any, goes to main and no further. */
export async function saveBackend(input: BackendInput): Promise<Result<ChannelOutput<'captioner.saveBackend'>>> {
  const result = await call('captioner.saveBackend', input);
  if (!result.ok) return result;
  const saved = result.value;
  set((s) => {
    const { [saved.id]: _stale, ...checks } = s.checks;
    return { checks, backendIds: s.backendIds.includes(saved.id) ? s.backendIds : [...s.backendIds, saved.id] };
  });
  await loadBackends();
  void loadModels(saved.id);
  return result;
}

export async function removeBackend(id: string): Promise<void> {
  const result = await call('captioner.removeBackend', { id });
  if (!result.ok) showToast(`Could not remove the backend: ${result.error.message}`, 'error');
  await loadBackends();
}

/** reach the server; its own words are kept beside the backend either way */
export async function testBackend(id: string): Promise<void> {
  set((s) => ({ checks: { ...s.checks, [id]: { ok: true, message: 'Testing…' } } }));
  const result = await call('captioner.test', { backendId: id });
  const check = result.ok ? { ok: result.value.ok, message: result.value.message } : { ok: false, message: result.error.message };
  set((s) => ({ checks: { ...s.checks, [id]: check } }));
  if (result.ok && result.value.ok) void loadModels(id);
}

/** the models a backend offers; the first is chosen when no model is chosen yet */
export async function loadModels(backendId: string): Promise<void> {
  const result = await call('captioner.models', { backendId });
  if (!result.ok) {
    set((s) => ({ modelsError: { ...s.modelsError, [backendId]: result.error.message } }));
    return;
  }
  const { models } = result.value;
  set((s) => {
    const { [backendId]: _old, ...modelsError } = s.modelsError;
    return { models: { ...s.models, [backendId]: models }, modelsError, model: s.model === '' ? (models[0] ?? '') : s.model };
  });
}

/** presets, placeholders and clean-up rules; a panel never used starts on the first preset */
export async function loadPrompts(): Promise<void> {
  const result = await call('captioner.prompts', {});
  if (!result.ok) return;
  set({ prompts: result.value });
  const { form } = get();
  const first = result.value.presets[0];
  if (first && form.presetId === '' && form.prompt === '') setCaptionForm(withPreset(form, first));
}

export async function loadCaptionRuns(): Promise<void> {
  const result = await call('captioner.runs', {});
  if (!result.ok) return;
  const runs = result.value;
  set((s) => ({
    runs,
    reviewRunId: s.reviewRunId !== null && runs.some((r) => r.id === s.reviewRunId) ? s.reviewRunId : (runs.at(-1)?.id ?? null),
  }));
}

const PAGE = 100;

/** the first page of a run's results (or more of them, with `more`), in dataset order */
export async function loadReview(runId: number, status: ResultStatus | 'all', more = false): Promise<void> {
  const prior = get().review;
  const keep = more && prior?.runId === runId && prior.status === status ? prior.results : [];
  const result = await call('captioner.results', {
    runId,
    ...(status === 'all' ? {} : { status }),
    offset: keep.length,
    limit: PAGE,
  });
  if (!result.ok) {
    set({ reviewError: result.error.message });
    return;
  }
  set({ reviewRunId: runId, reviewError: null, review: { runId, status, total: result.value.total, results: [...keep, ...result.value.results] } });
}

/** the review and the runs' counts again, after a write, an undo or a caption changed elsewhere */
export async function reloadReview(): Promise<void> {
  const { review } = get();
  await loadCaptionRuns();
  if (!review) return;
  // as many as were shown, so a reload does not fold a list the user scrolled down
  const result = await call('captioner.results', {
    runId: review.runId,
    ...(review.status === 'all' ? {} : { status: review.status }),
    offset: 0,
    limit: Math.min(1000, Math.max(PAGE, review.results.length)),
  });
  if (result.ok && get().review?.runId === review.runId) {
    set({ review: { ...review, total: result.value.total, results: result.value.results } });
  }
}

/**
 * Caption the target with the chosen backends and model. The answers are kept
 * in main as suggestions; nothing is written until a person accepts them. When
 * it ends the review shows the run's pending suggestions.
 */
export async function runCaptions(request: CaptionRunInput): Promise<CaptionRun | null> {
  if (get().running) return null;
  set({ running: true, lastRun: null });
  try {
    await whenEditsSettled();
    const result = await call('captioner.run', request);
    if (!result.ok && result.error.code === 'cancelled') {
      // the job ends as cancelled rather than with counts: what it answered is kept, and the run bar says how to go on
      showToast('Captioning cancelled: the answers so far are kept for review');
      await loadCaptionRuns();
      const latest = get().runs.at(-1);
      if (latest) await loadReview(latest.id, 'pending');
      return null;
    }
    if (!result.ok) {
      showToast(`Captioning did not run: ${result.error.message}`, 'error');
      return null;
    }
    set({ lastRun: result.value, edits: {} });
    await loadCaptionRuns();
    await loadReview(result.value.runId, 'pending');
    return result.value;
  } finally {
    set({ running: false });
  }
}

export async function cancelCaptionRun(): Promise<void> {
  const job = Object.values(useJobsStore.getState().running).findLast((j) => j.kind === 'caption');
  if (!job) return;
  const result = await call('jobs.cancel', { jobId: job.jobId });
  if (!result.ok) showToast(`Could not cancel: ${result.error.message}`, 'error');
}

/**
 * Write suggestions into their captions as one undoable step (an edited text
 * in place of the model's where the person edited it). Main checks each file
 * against what it last read; one changed meanwhile is left alone and named.
 */
export async function acceptSuggestions(runId: number, images: number[] | 'all-pending'): Promise<ReviewOutcome | null> {
  await whenEditsSettled();
  const { mode, edits } = get();
  const ids = images === 'all-pending' ? null : new Set(images);
  const sent = Object.entries(edits)
    .map(([id, text]) => ({ imageId: Number(id), text }))
    .filter((e) => e.text.trim() !== '' && (ids === null || ids.has(e.imageId)));
  const result = await call('captioner.accept', { runId, images, mode, edits: sent });
  if (!result.ok) {
    showToast(`Nothing was written: ${result.error.message}`, 'error');
    return null;
  }
  const message = resultText(result.value.changed, result.value.conflicts, result.value.refused);
  showToast(message.text, message.tone);
  set((s) => {
    const rest = { ...s.edits };
    for (const e of sent) delete rest[e.imageId];
    return { edits: rest };
  });
  void reloadCurrentImage();
  void refreshFilter();
  await reloadReview();
  return result.value;
}

/** turn suggestions down: nothing is written, and "Caption the rejected again" can ask for new ones */
export async function rejectSuggestions(runId: number, images: number[] | 'all-pending'): Promise<void> {
  const result = await call('captioner.reject', { runId, images });
  if (!result.ok) showToast(`Could not reject: ${result.error.message}`, 'error');
  await reloadReview();
}

// an undo, or a caption changed by an edit or another program, changes what a review compares with
let reloadTimer: ReturnType<typeof setTimeout> | null = null;
function reviewMayBeStale(): void {
  if (!get().review) return;
  if (reloadTimer) clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => {
    reloadTimer = null;
    void reloadReview();
  }, 250);
}
api.on('history.changed', reviewMayBeStale);
api.on('caption.changed', reviewMayBeStale);
