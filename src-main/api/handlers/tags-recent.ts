import type { Handler } from '../handler';

export const tagsRecent: Handler<'tags.recent'> = async (_args, { workspace }) => ({
  tags: await workspace.requireSession().recentTags(),
});
