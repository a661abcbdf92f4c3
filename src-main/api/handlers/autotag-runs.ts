import { ScoreStore } from '../../core/autotag/score-store';
import type { Handler } from '../handler';

export const autotagRuns: Handler<'autotag.runs'> = async (_args, { workspace }) =>
  (await new ScoreStore(workspace.requireSession().store.index).runs()).map(({ id, modelId, startedAt, finishedAt, images }) => ({
    id,
    modelId,
    startedAt,
    finishedAt,
    images,
  }));
