import { AppError } from '../../core/app-error';
import { startAllThreads } from '../../core/perf/thread-pool';
import type { Handler } from '../handler';

export const folderPick: Handler<'folder.pick'> = async (_args, { platform, workspace }) => {
  if (!platform.pickFolder) throw new AppError('unsupported', 'A folder dialog needs the desktop app');
  // the scan's threads start while the person picks: the open that follows does not wait for them
  startAllThreads(workspace.options.scanPool).catch(() => undefined);
  return { path: await platform.pickFolder() };
};
