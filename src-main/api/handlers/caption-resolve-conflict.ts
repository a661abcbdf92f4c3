import type { Handler } from '../handler';

export const captionResolveConflict: Handler<'caption.resolveConflict'> = ({ id, keep }, { workspace }) =>
  workspace.requireSession().resolveConflict(id, keep);
