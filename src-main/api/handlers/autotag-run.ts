import { scoreImages } from '../../core/autotag/autotag-session';
import { readModelFolder } from '../../core/autotag/model-folder';
import { modelsDir, resolveModelFolder } from '../../core/models/models-folder';
import { resolveTarget } from '../../core/session/batch-targets';
import { isInsidePath } from '../../core/fs/inside-folder';
import type { Handler } from '../handler';

/** awaits the job, as export.run does: progress with the time left as job events, cancelled with jobs.cancel */
export const autotagRun: Handler<'autotag.run'> = async ({ model, target, provider, batchSize }, { workspace, tagger }) => {
  const session = workspace.requireSession();
  const models = modelsDir(workspace.options.userDataDir);
  const dir = await resolveModelFolder(models, model);
  // serve: a downloaded model, or a folder inside the served one
  if (!isInsidePath(dir, models)) await workspace.checkAllowed(dir);
  const folder = await readModelFolder(dir);
  const entries = await resolveTarget(session, target);
  return workspace.jobs.run('autotag', 'Tagging images', (job) =>
    scoreImages(session, { pool: tagger(), model: folder, modelId: model, provider, entries, ...(batchSize ? { batchSize } : {}) }, job),
  );
};
