import { BackendRegistry } from '../../core/captioner/backend-registry';
import { captionImages } from '../../core/captioner/caption-run';
import { resolveTarget } from '../../core/session/batch-targets';
import type { Handler } from '../handler';

/** awaits the job, as autotag.run does: progress with the time left as job events, cancelled with jobs.cancel */
export const captionerRun: Handler<'captioner.run'> = async (args, { workspace, platform, secrets }) => {
  const session = workspace.requireSession();
  const entries = await resolveTarget(session, args.target);
  const registry = new BackendRegistry(platform.userDataDir, secrets);
  return workspace.jobs.run('caption', 'Captioning images', (job) => captionImages(session, args, entries, { registry }, job), session.closing);
};
