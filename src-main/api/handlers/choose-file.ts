import { AppError } from '../../core/app-error';
import type { FilePickRequest } from '../api-host';
import type { ApiContext } from '../handler';

/**
 * The file a channel was given, or the one the user picks in the desktop
 * app's dialog (null: cancelled). A given path goes through the same check as
 * a folder: over `serve`, only inside the served folder.
 */
export async function chooseFile(path: string | undefined, request: FilePickRequest, ctx: ApiContext): Promise<string | null> {
  if (path !== undefined) return ctx.workspace.checkAllowed(path);
  if (!ctx.platform.pickFile) throw new AppError('unsupported', 'A file dialog needs the desktop app: type the file’s path instead');
  return ctx.platform.pickFile(request);
}
