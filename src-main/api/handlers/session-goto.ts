import type { Handler } from '../handler';

export const sessionGoto: Handler<'session.goto'> = ({ imageId }, { workspace }) => ({
  index: workspace.requireSession().goto(imageId),
});
