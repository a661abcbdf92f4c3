import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ChannelInput, ChannelOutput } from '../../src-shared/contract';
import { type CaptionForm, initialCaptionForm } from '../features/captioner/captioner-form';

export type BackendList = ChannelOutput<'captioner.backends'>;
export type CaptionBackend = BackendList['backends'][number];
export type BackendPreset = BackendList['presets'][number];
export type PromptCatalogue = ChannelOutput<'captioner.prompts'>;
export type CaptionRun = ChannelOutput<'captioner.run'>;
export type CaptionRunSummary = ChannelOutput<'captioner.runs'>[number];
export type CaptionResult = ChannelOutput<'captioner.results'>['results'][number];
export type ResultStatus = CaptionResult['status'];
export type ReviewMode = ChannelInput<'captioner.accept'>['mode'];

/** what a backend's test said, kept beside it until the next test or edit */
export interface BackendCheck {
  ok: boolean;
  message: string;
}

export interface ReviewPage {
  runId: number;
  status: ResultStatus | 'all';
  total: number;
  results: CaptionResult[];
}

/**
 * The captioning panel's state that outlives its components: the backends and
 * presets main knows, which of them a run goes to, the prompt as the user left
 * it, the run on its way and the review of a finished one. The prompt,
 * backends ticked, model and review mode are remembered across restarts (no
 * key is ever here: main keeps keys and says only `hasKey`).
 */
interface CaptionerState {
  /** the toolbar or a shortcut asks the editor column to show the panel */
  openRequest: number;
  backends: CaptionBackend[] | null;
  presets: BackendPreset[];
  backendsError: string | null;
  checks: Record<string, BackendCheck>;
  /** the models each backend offered when last asked */
  models: Record<string, string[]>;
  modelsError: Record<string, string>;
  prompts: PromptCatalogue | null;
  /** ticked for the next run: several go in rotation */
  backendIds: string[];
  model: string;
  form: CaptionForm;
  running: boolean;
  lastRun: CaptionRun | null;
  runs: CaptionRunSummary[];
  reviewRunId: number | null;
  review: ReviewPage | null;
  reviewError: string | null;
  mode: ReviewMode;
  /** texts a person is editing before accepting, by image id */
  edits: Record<number, string>;
}

export const useCaptionerStore = create<CaptionerState>()(
  persist(
    (): CaptionerState => ({
      openRequest: 0,
      backends: null,
      presets: [],
      backendsError: null,
      checks: {},
      models: {},
      modelsError: {},
      prompts: null,
      backendIds: [],
      model: '',
      form: initialCaptionForm(),
      running: false,
      lastRun: null,
      runs: [],
      reviewRunId: null,
      review: null,
      reviewError: null,
      mode: 'replace',
      edits: {},
    }),
    {
      name: 'lora-tagger.captioner',
      version: 1,
      partialize: (s) => ({ backendIds: s.backendIds, model: s.model, form: s.form, mode: s.mode }),
      // a form saved before a field was added gets that field's default, not undefined
      merge: (saved, current) => {
        const kept = (saved ?? {}) as Partial<CaptionerState>;
        return { ...current, ...kept, form: { ...current.form, ...kept.form } };
      },
    },
  ),
);

export const requestCaptionerPanel = () => useCaptionerStore.setState((s) => ({ openRequest: s.openRequest + 1 }));

export const updateCaptionForm = (patch: Partial<CaptionForm>) => useCaptionerStore.setState((s) => ({ form: { ...s.form, ...patch } }));

export const setCaptionForm = (form: CaptionForm) => useCaptionerStore.setState({ form });

export const setModel = (model: string) => useCaptionerStore.setState({ model });

export const setReviewMode = (mode: ReviewMode) => useCaptionerStore.setState({ mode });

export function toggleBackend(id: string, on: boolean): void {
  useCaptionerStore.setState((s) => {
    const ids = s.backendIds.filter((b) => b !== id);
    return { backendIds: on ? [...ids, id] : ids };
  });
}

export const setEdit = (imageId: number, text: string | null) =>
  useCaptionerStore.setState((s) => {
    const { [imageId]: _old, ...rest } = s.edits;
    return { edits: text === null ? rest : { ...rest, [imageId]: text } };
  });
