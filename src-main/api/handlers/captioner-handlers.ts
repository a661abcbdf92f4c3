import type { HandlerMap } from '../handler';
import { captionerBackends, captionerModels, captionerRemoveBackend, captionerSaveBackend, captionerTest } from './captioner-backends';
import { captionerPrompts } from './captioner-prompts';
import { captionerAccept, captionerImageResults, captionerReject, captionerResults, captionerRuns } from './captioner-review';
import { captionerRun } from './captioner-run';

type CaptionerChannel = Extract<keyof HandlerMap, `captioner.${string}`>;

/** the captioner's channels (issue 17), spread into the one handler map */
export const captionerHandlers: { [K in CaptionerChannel]: HandlerMap[K] } = {
  'captioner.backends': captionerBackends,
  'captioner.saveBackend': captionerSaveBackend,
  'captioner.removeBackend': captionerRemoveBackend,
  'captioner.models': captionerModels,
  'captioner.test': captionerTest,
  'captioner.prompts': captionerPrompts,
  'captioner.run': captionerRun,
  'captioner.runs': captionerRuns,
  'captioner.results': captionerResults,
  'captioner.imageResults': captionerImageResults,
  'captioner.accept': captionerAccept,
  'captioner.reject': captionerReject,
};
