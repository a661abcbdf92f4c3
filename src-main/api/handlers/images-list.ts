import type { Handler } from '../handler';

export const imagesList: Handler<'images.list'> = async (_args, { workspace }) => ({
  items: await workspace.requireSession().list(),
});
