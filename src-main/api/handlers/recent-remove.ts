import type { Handler } from '../handler';

export const recentRemove: Handler<'recent.remove'> = async ({ path }, { workspace }) => {
  await workspace.recent.remove(path);
  return {};
};
