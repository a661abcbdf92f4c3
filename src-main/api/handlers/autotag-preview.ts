import { previewApply } from '../../core/autotag/apply-preview';
import { ScoreStore } from '../../core/autotag/score-store';
import { loadRun } from '../../core/autotag/stored-run';
import { resolveTarget } from '../../core/session/batch-targets';
import type { Handler } from '../handler';

/** from the stored scores alone, kept decoded in main between calls: a slider asks on every move */
export const autotagPreview: Handler<'autotag.preview'> = async ({ runId, target, mode, settings }, { workspace }) => {
  const session = workspace.requireSession();
  const [run, entries, rejected] = await Promise.all([
    loadRun(session.store.index, runId),
    resolveTarget(session, target),
    mode === 'suggest' ? new ScoreStore(session.store.index).rejected() : new Map<number, Set<string>>(),
  ]);
  return previewApply(run, settings, mode, entries, session.settingsNow().triggerWord, rejected, session.closing);
};
