import { callApi } from '../../../support/api-call';
import { captionFacts, checkCaptionStep, makeCaptionedSet, openInPlace, reopenAndUndo } from '../caption-steps';
import type { KillScenario } from '../scenario';
import { batchEdit } from './batch-edit';

/** the undo of a batch over the whole dataset (the batch is made, whole, in the template) */
export const undoBatch: KillScenario = {
  name: 'undo',
  title: (n) => `an undo of a batch over ${n.toLocaleString('en')} images`,
  jobKind: 'history',
  sizes: { full: 2000, short: 100 },
  makeFiles: makeCaptionedSet,
  async prepare(api, dir) {
    await openInPlace(api, dir);
    await batchEdit.run(api, dir);
  },
  open: openInPlace,
  run: (api) => callApi(api, 'history.undo', {}),
  reopen: reopenAndUndo,
  facts: captionFacts,
  check: (ctx, t) => checkCaptionStep(ctx, 'after', t),
};
