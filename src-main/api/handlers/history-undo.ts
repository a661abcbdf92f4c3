import { undo } from '../../core/session/undo-redo';
import type { Handler } from '../handler';

export const historyUndo: Handler<'history.undo'> = (_args, { workspace }) => undo(workspace.requireSession(), workspace.jobs);
