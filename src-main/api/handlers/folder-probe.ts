import { probeFolder } from '../../core/app/probe-folder';
import type { Handler } from '../handler';

export const folderProbe: Handler<'folder.probe'> = ({ path }, { workspace }) =>
  probeFolder(workspace.checkAllowed(path), workspace.defaults);
