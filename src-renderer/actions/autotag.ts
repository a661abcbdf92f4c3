import type { BatchTarget, ChannelOutput } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { suggestedText } from '../features/autotag/autotag-text';
import { resultText } from '../features/batch/batch-text';
import {
  type ApplyMode,
  type AutotagRun,
  type Provider,
  type SelectionSettings,
  labelsChanged,
  requestAutotagPanel,
  useAutotagStore,
} from '../stores/autotag-store';
import { showPanel } from '../stores/panel-layout-store';
import { showToast } from '../stores/ui-store';
import { call } from '../transport/api';
import { addTagsTo, whenEditsSettled } from './caption-edits';
import { reloadCurrentImage } from './current-image';
import { refreshFilter } from './refresh-filter';

export type AutotagApplied = ChannelOutput<'autotag.apply'>;
export type AutotagPreview = ChannelOutput<'autotag.preview'>;
export type SettleResult = ChannelOutput<'autotag.settle'>;

export const openAutotagPanel = (): void => {
  showPanel('editor');
  requestAutotagPanel();
  void loadModels();
  void loadRuns();
};

/** the known and installed models; the first installed one is chosen when nothing is yet */
export async function loadModels(): Promise<void> {
  const result = await call('taggerModels.list', {});
  if (!result.ok) {
    useAutotagStore.setState({ modelsError: result.error.message });
    return;
  }
  useAutotagStore.setState((s) => {
    const ids = result.value.installed.map((m) => m.id);
    const modelId = s.modelId !== null && ids.includes(s.modelId) ? s.modelId : (ids[0] ?? null);
    return { models: result.value, modelsError: null, modelId };
  });
}

/** the dataset's runs; the newest is chosen unless the user chose one that still exists */
export async function loadRuns(): Promise<void> {
  const result = await call('autotag.runs', {});
  if (!result.ok) return;
  useAutotagStore.setState((s) => {
    const runs = result.value;
    const runId = s.runId !== null && runs.some((r) => r.id === s.runId) ? s.runId : (runs.at(-1)?.id ?? null);
    return { runs, runId };
  });
}

/** Download a known model into the app's data folder; progress arrives as job events. */
export async function downloadModel(repo: string): Promise<void> {
  const result = await call('taggerModels.download', { repo });
  if (!result.ok) showToast(`The download did not finish: ${result.error.message}`, 'error');
  else showToast(`${result.value.label} is ready`);
  await loadModels();
  if (result.ok) useAutotagStore.setState({ modelId: result.value.id });
}

/** Use a folder holding model.onnx and selected_tags.csv; refused with the reason when it does not. */
export async function addModelFolder(path: string): Promise<boolean> {
  const result = await call('taggerModels.addFolder', { path });
  if (!result.ok) {
    showToast(`This folder cannot be used as a model: ${result.error.message}`, 'error');
    return false;
  }
  await loadModels();
  useAutotagStore.setState({ modelId: result.value.id });
  return true;
}

/** Desktop: the system's folder dialog, then addModelFolder. */
export async function pickModelFolder(): Promise<void> {
  const picked = await call('folder.pick', {});
  if (!picked.ok) showToast(`Could not show the folder dialog: ${picked.error.message}`, 'error');
  else if (picked.value.path) await addModelFolder(picked.value.path);
}

let running = false;

/** Score the target's images with the chosen model; every score is kept in main, nothing is written to a caption. */
export async function runAutotag(target: BatchTarget, provider: Provider): Promise<AutotagRun | null> {
  const model = useAutotagStore.getState().modelId;
  if (running || model === null) return null;
  running = true;
  try {
    const result = await call('autotag.run', { model, target, provider });
    if (!result.ok) {
      showToast(`Tagging did not run: ${result.error.message}`, 'error');
      return null;
    }
    useAutotagStore.setState({ lastRun: result.value, runId: result.value.runId });
    await loadRuns();
    useAutotagStore.setState({ runId: result.value.runId });
    return result.value;
  } finally {
    running = false;
  }
}

export const previewAutotag = (runId: number, target: BatchTarget, mode: ApplyMode, settings: SelectionSettings): Promise<Result<AutotagPreview>> =>
  call('autotag.preview', { runId, target, mode, settings });

/** What a dataset-wide change means for the screen: the image on show, the filter and the model labels. */
function afterDatasetChange(): void {
  void reloadCurrentImage();
  void refreshFilter();
  labelsChanged();
}

/** Write the run's tags at these settings as one undoable step (suggest: nothing written, ghost chips instead). */
export async function applyAutotag(runId: number, target: BatchTarget, mode: ApplyMode, settings: SelectionSettings): Promise<AutotagApplied | null> {
  // an edit of the image on screen still on its way must land first, or the apply would plan over old tags
  await whenEditsSettled();
  const result = await call('autotag.apply', { runId, target, mode, settings });
  if (!result.ok) {
    showToast(`The tags were not applied: ${result.error.message}`, 'error');
    return null;
  }
  if (mode === 'suggest') showToast(suggestedText(result.value.changed));
  else {
    const message = resultText(result.value.changed, result.value.conflicts, result.value.refused);
    showToast(message.text, message.tone);
  }
  afterDatasetChange();
  return result.value;
}

/** A person turned a ghost chip down: it is not suggested again for this image. */
export async function rejectSuggestion(imageId: number, tag: string): Promise<void> {
  const result = await call('autotag.reject', { imageId, tag });
  if (!result.ok) showToast(`Could not turn the suggestion down: ${result.error.message}`, 'error');
  labelsChanged();
}

/** Keep a model's tag everywhere (it becomes a person's) or remove it from every caption a model put it in. */
export async function settleTag(tag: string, action: 'keep' | 'remove'): Promise<SettleResult | null> {
  await whenEditsSettled();
  const result = await call('autotag.settle', { tag, action });
  if (!result.ok) {
    showToast(`Could not ${action} ${tag}: ${result.error.message}`, 'error');
    return null;
  }
  if (action === 'remove') {
    const message = resultText(result.value.changed, result.value.conflicts);
    showToast(message.text, message.tone);
  }
  afterDatasetChange();
  return result.value;
}

/** A ghost chip accepted: the tag is added as a person's edit would add it (one step of undo). */
export const acceptSuggestion = (imageId: number, tag: string): Promise<boolean> => addTagsTo(imageId, [tag]);
