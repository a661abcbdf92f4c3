import { create } from 'zustand';
import type { ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { api } from '../transport/api';

export type ModelList = ChannelOutput<'taggerModels.list'>;
export type AutotagRun = ChannelOutput<'autotag.run'>;
export type RunSummary = ChannelOutput<'autotag.runs'>[number];
export type SelectionSettings = Required<ChannelInput<'autotag.preview'>['settings']>;
export type ApplyMode = ChannelInput<'autotag.apply'>['mode'];
export type Provider = NonNullable<ChannelInput<'autotag.run'>['provider']>;
export type Suggestions = ChannelOutput<'autotag.suggestions'>;

/** the image on screen's suggestions from the dataset's suggesting run, highest score first */
export interface Ghosts extends Suggestions {
  imageId: number;
}

/**
 * The auto-tag panel's state that outlives the panel's components: the models
 * and runs main knows, which of them the user chose, the last run's answer, the
 * tag under the cursor (for the histogram), and a counter that moves whenever
 * suggestions or provenance may have changed, so the caption panel asks again.
 */
interface AutotagState {
  /** a shortcut or the toolbar asks the editor column to show the panel */
  openRequest: number;
  models: ModelList | null;
  modelsError: string | null;
  /** what a run names: a repository id or a picked folder's path */
  modelId: string | null;
  runs: RunSummary[];
  runId: number | null;
  lastRun: AutotagRun | null;
  /** the tag whose score spread the histogram shows: hovered anywhere, or typed in the panel */
  histogramTag: string | null;
  /** ghost chips of the image on screen: read by the chips and by the tag input's Tab */
  ghosts: Ghosts | null;
  /** bumped after an apply, a settle or a rejection: suggestions and provenance are stale */
  labelsVersion: number;
}

export const useAutotagStore = create<AutotagState>()(() => ({
  openRequest: 0,
  models: null,
  modelsError: null,
  modelId: null,
  runs: [],
  runId: null,
  lastRun: null,
  histogramTag: null,
  ghosts: null,
  labelsVersion: 0,
}));

export const requestAutotagPanel = () => useAutotagStore.setState((s) => ({ openRequest: s.openRequest + 1 }));
export const chooseModel = (modelId: string | null) => useAutotagStore.setState({ modelId });
export const chooseRun = (runId: number | null) => useAutotagStore.setState({ runId });
export const setHistogramTag = (histogramTag: string | null) =>
  useAutotagStore.setState((s) => (s.histogramTag === histogramTag ? s : { histogramTag }));
export const labelsChanged = () => useAutotagStore.setState((s) => ({ labelsVersion: s.labelsVersion + 1 }));
export const setGhosts = (ghosts: Ghosts | null) => useAutotagStore.setState({ ghosts });
/** the suggestions of this image, if they are the ones loaded */
export const ghostsOf = (s: { ghosts: Ghosts | null }, imageId: number): Suggestions['suggestions'] =>
  s.ghosts?.imageId === imageId ? s.ghosts.suggestions : NONE;
const NONE: Suggestions['suggestions'] = [];

// runs, their last answer and suggestions belong to one dataset: another one opened starts without them
let openedPath: string | null = null;
api.on('session.changed', ({ session }) => {
  const path = session?.datasetDir ?? null;
  if (path === openedPath) return;
  openedPath = path;
  useAutotagStore.setState({ runs: [], runId: null, lastRun: null, ghosts: null, histogramTag: null });
});
