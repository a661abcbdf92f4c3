import type { Handler } from '../handler';

export const captionSetText: Handler<'caption.setText'> = ({ id, text, revision }, { workspace }) =>
  workspace.requireSession().setText(id, text, revision);
