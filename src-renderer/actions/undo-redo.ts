import { sameTags } from '../logic/tag-edits';
import type { TagEdit } from '../logic/edit-history';
import { setImageIndex, useImagesStore } from '../stores/images-store';
import { showToast } from '../stores/ui-store';
import { editHistory, editTags } from './caption-edits';

/**
 * Move one step back or forward: show the image the edit was on (an undo you
 * cannot see is a surprise), then set its tags, if nobody changed them since.
 */
async function step(edit: TagEdit, direction: 'undo' | 'redo'): Promise<void> {
  const from = direction === 'undo' ? edit.after : edit.before;
  const to = direction === 'undo' ? edit.before : edit.after;
  const at = useImagesStore.getState().indexById.get(edit.id);
  if (at === undefined) return;
  setImageIndex(at);
  let applied = false;
  const saved = await editTags(
    edit.id,
    (tags) => {
      applied = sameTags(tags, from);
      return { tags: applied ? to : [...tags] };
    },
    false,
  );
  if (!applied) {
    const name = useImagesStore.getState().items[at]?.name ?? 'this image';
    showToast(`Cannot ${direction}: the tags of ${name} changed since`, 'error');
    return;
  }
  // refused (a conflict, a write error): the banner or toast already says why; the step is dropped
  if (!saved) return;
  if (direction === 'undo') editHistory.undone(edit);
  else editHistory.redone(edit);
}

export function undo(): void {
  const edit = editHistory.takeUndo();
  if (edit) void step(edit, 'undo');
  else showToast('Nothing to undo');
}

export function redo(): void {
  const edit = editHistory.takeRedo();
  if (edit) void step(edit, 'redo');
  else showToast('Nothing to redo');
}
