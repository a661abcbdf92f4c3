import type { BatchOp, BatchTarget, ChannelOutput } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { resultText } from '../features/batch/batch-text';
import { showToast } from '../stores/ui-store';
import { call } from '../transport/api';
import { whenEditsSettled } from './caption-edits';
import { reloadCurrentImage } from './current-image';
import { refreshFilter } from './refresh-filter';

export type BatchPreview = ChannelOutput<'batch.preview'>;
export type BatchResult = ChannelOutput<'batch.apply'>;

/** how many images an edit would change, with a few before → after samples; nothing is written */
export const previewBatch = (target: BatchTarget, op: BatchOp): Promise<Result<BatchPreview>> =>
  call('batch.preview', { target, op });

let running = false;

/**
 * Run a batch edit as one undoable step. Progress arrives as job events (the
 * jobs store); the answer says how many changed and which files another program
 * changed meanwhile, which main leaves alone. Resolves null when it did not run.
 */
export async function applyBatch(target: BatchTarget, op: BatchOp): Promise<BatchResult | null> {
  if (running) {
    showToast('A batch edit is already running', 'error');
    return null;
  }
  running = true;
  try {
    // an edit of the image on screen still on its way must land first, or the batch would plan over old tags
    await whenEditsSettled();
    const result = await call('batch.apply', { target, op });
    if (!result.ok) {
      showToast(`The batch edit did not run: ${result.error.message}`, 'error');
      return null;
    }
    const message = resultText(result.value.changed, result.value.conflicts, result.value.refused);
    showToast(message.text, message.tone);
    void reloadCurrentImage();
    void refreshFilter();
    return result.value;
  } finally {
    running = false;
  }
}
