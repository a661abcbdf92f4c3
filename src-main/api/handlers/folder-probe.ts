import { probeFolder } from '../../core/app/probe-folder';
import { startAllThreads } from '../../core/perf/thread-pool';
import type { Handler } from '../handler';

export const folderProbe: Handler<'folder.probe'> = async ({ path }, { workspace }) => {
  // a folder dropped or chosen is about to be opened: the scan's threads start while the person answers the setup
  startAllThreads(workspace.options.scanPool).catch(() => undefined);
  return probeFolder(await workspace.checkAllowed(path), workspace.defaults);
};
