import { scoreHistogram } from '../../core/autotag/score-histogram';
import { loadRun } from '../../core/autotag/stored-run';
import type { Handler } from '../handler';

export const autotagHistogram: Handler<'autotag.histogram'> = async ({ runId, tag }, { workspace }) =>
  scoreHistogram(await loadRun(workspace.requireSession().store.index, runId), tag);
