import { previewBatch } from '../../core/session/batch-edit';
import type { Handler } from '../handler';

export const batchPreview: Handler<'batch.preview'> = ({ target, op }, { workspace }) =>
  previewBatch(workspace.requireSession(), target, op);
