import { AppError } from '../../core/app-error';
import type { Handler } from '../handler';

export const folderPick: Handler<'folder.pick'> = async (_args, { platform, workspace }) => {
  if (!platform.pickFolder) throw new AppError('unsupported', 'A folder dialog needs the desktop app');
  workspace.expectOpen();
  return { path: await platform.pickFolder() };
};
