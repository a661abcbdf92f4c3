import type { Handler } from '../handler';

export const tagsList: Handler<'tags.list'> = (_args, { workspace }) => ({ tags: workspace.requireSession().tagList() });
