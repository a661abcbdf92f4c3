import type { Handler } from '../handler';

export const imagesList: Handler<'images.list'> = async ({ offset, limit }, { workspace }) =>
  workspace.requireSession().listPage(offset, limit);
