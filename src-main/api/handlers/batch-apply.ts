import { applyBatch } from '../../core/session/batch-edit';
import type { Handler } from '../handler';

export const batchApply: Handler<'batch.apply'> = ({ target, op }, { workspace }) =>
  applyBatch(workspace.requireSession(), target, op, workspace.jobs);
