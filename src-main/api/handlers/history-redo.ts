import { redo } from '../../core/session/undo-redo';
import type { Handler } from '../handler';

export const historyRedo: Handler<'history.redo'> = (_args, { workspace }) => redo(workspace.requireSession(), workspace.jobs);
