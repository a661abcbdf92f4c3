import { callApi } from '../../../support/api-call';
import { captionFacts, checkCaptionStep, makeCaptionedSet, openInPlace, reopenAndUndo } from '../caption-steps';
import type { KillScenario } from '../scenario';

/** a tag added to every image: one batch step over the whole dataset */
export const batchEdit: KillScenario = {
  name: 'batch',
  title: (n) => `a batch edit over ${n.toLocaleString('en')} images`,
  jobKind: 'batch',
  sizes: { full: 2000, short: 100 },
  makeFiles: makeCaptionedSet,
  prepare: openInPlace,
  open: openInPlace,
  run: (api) => callApi(api, 'batch.apply', { target: { kind: 'all' }, op: { type: 'add', tags: ['kill nine tag'], position: 'end' } }),
  reopen: reopenAndUndo,
  facts: captionFacts,
  check: (ctx, t) => checkCaptionStep(ctx, 'before', t),
};
