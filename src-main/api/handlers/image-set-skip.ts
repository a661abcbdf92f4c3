import type { Handler } from '../handler';

export const imageSetSkip: Handler<'image.setSkip'> = ({ id, skip }, { workspace }) =>
  workspace.requireSession().setSkip(id, skip);
