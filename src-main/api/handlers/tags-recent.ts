import type { Handler } from '../handler';

export const tagsRecent: Handler<'tags.recent'> = (_args, { workspace }) => ({
  tags: workspace.requireSession().recentTags(),
});
