import { probeFolder } from '../../core/app/probe-folder';
import type { Handler } from '../handler';

export const folderProbe: Handler<'folder.probe'> = async ({ path }, { workspace }) => {
  workspace.expectOpen();
  return probeFolder(await workspace.checkAllowed(path), workspace.defaults);
};
