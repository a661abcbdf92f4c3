import { resolve } from 'node:path';
import { AppError } from '../../core/app-error';
import { isInsideFolder } from '../../core/fs/inside-folder';
import type { FilePickRequest } from '../api-host';
import type { ApiContext } from '../handler';

/**
 * The file a channel was given, or the one the user picks in the desktop
 * app's dialog (null: cancelled). The renderer is untrusted, and a tag list's
 * lines come back to it as suggestions: a path it names is read only inside
 * the served folder (serve) or the open folder (desktop, where the dialog is
 * the way to reach anything else).
 */
export async function chooseFile(path: string | undefined, request: FilePickRequest, ctx: ApiContext): Promise<string | null> {
  if (path !== undefined) {
    const file = await ctx.workspace.checkAllowed(path);
    if (ctx.platform.transport === 'electron' && !(await insideOpenFolder(file, ctx))) {
      throw new AppError('invalid-input', 'Choose the file in the dialog: the app reads a path it is given only inside the open folder');
    }
    return file;
  }
  if (!ctx.platform.pickFile) throw new AppError('unsupported', 'A file dialog needs the desktop app: type the file’s path instead');
  return ctx.platform.pickFile(request);
}

/** links followed: a link in the open folder to a file elsewhere is elsewhere */
async function insideOpenFolder(file: string, ctx: ApiContext): Promise<boolean> {
  const session = ctx.workspace.current();
  if (!session) return false;
  const root = resolve(session.settingsNow().root);
  return file !== root && (await isInsideFolder(file, root).catch(() => false));
}
