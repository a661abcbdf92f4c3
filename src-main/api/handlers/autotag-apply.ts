import { applyAutotag } from '../../core/autotag/apply-run';
import { resolveTarget } from '../../core/session/batch-targets';
import type { Handler } from '../handler';

export const autotagApply: Handler<'autotag.apply'> = async ({ runId, target, mode, settings }, { workspace }) => {
  const session = workspace.requireSession();
  return applyAutotag(session, runId, settings, mode, await resolveTarget(session, target), workspace.jobs);
};
