import type { Handler } from '../handler';

export const captionSetTags: Handler<'caption.setTags'> = ({ id, tags, revision }, { workspace }) =>
  workspace.requireSession().setTags(id, tags, revision);
