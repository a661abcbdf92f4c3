import type { Handler } from '../handler';

export const sessionGoto: Handler<'session.goto'> = async ({ imageId }, { workspace }) => ({
  index: await workspace.requireSession().goto(imageId),
});
