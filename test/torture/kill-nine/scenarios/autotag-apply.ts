import { callApi } from '../../../support/api-call';
import { tinyModel, writeModelFolder } from '../../../support/make-onnx-model';
import { captionFacts, checkCaptionStep, makeCaptionedSet, openInPlace, reopenAndUndo } from '../caption-steps';
import { trialPaths, type KillScenario } from '../scenario';

/** a model run's tags written into every caption; the run itself (the tiny ONNX model) is made in the template */
export const autotagApply: KillScenario = {
  name: 'autotag',
  title: (n) => `an auto-tag apply over ${n.toLocaleString('en')} images`,
  jobKind: 'batch',
  sizes: { full: 1000, short: 60 },
  async makeFiles(dir, size) {
    await makeCaptionedSet(dir, size);
    await writeModelFolder(trialPaths(dir).model, tinyModel());
  },
  async prepare(api, dir) {
    await openInPlace(api, dir);
    const run = await callApi(api, 'autotag.run', { model: trialPaths(dir).model, target: { kind: 'all' }, provider: 'cpu' });
    if (run.scored === 0) throw new Error(`the model run scored nothing (${run.failed} failed)`);
  },
  open: openInPlace,
  async run(api) {
    const runs = await callApi(api, 'autotag.runs', {});
    return callApi(api, 'autotag.apply', { runId: runs.at(-1)!.id, target: { kind: 'all' }, mode: 'append', settings: { general: 0.05, character: 0.05 } });
  },
  reopen: reopenAndUndo,
  facts: captionFacts,
  check: (ctx, t) => checkCaptionStep(ctx, 'before', t),
};
