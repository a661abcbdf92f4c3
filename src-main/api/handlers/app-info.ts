import type { Handler } from '../handler';

export const appInfo: Handler<'app.info'> = async (_args, { workspace, platform }) => ({
  version: platform.version,
  transport: platform.transport,
  canPickFolder: platform.pickFolder !== undefined,
  recent: platform.servedFolder ? [] : await workspace.recent.list(),
  servedFolder: platform.servedFolder,
});
