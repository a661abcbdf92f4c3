import { useState } from 'react';
import type { BatchOp } from '../../../src-shared/contract/index';
import { normalizeTag } from '../../../src-shared/tag-text';
import { applyBatch } from '../../actions/batch';
import { useTagsStore } from '../../stores/tags-store';
import { BatchPreviewView } from '../batch/batch-preview';
import { BatchProgress } from '../batch/batch-progress';
import { ModalDialog } from '../../widgets/modal-dialog';
import { useBatchPreview } from '../batch/use-batch-preview';

export type TagEdit = { mode: 'rename' | 'delete'; tag: string };

const ALL = { kind: 'all' } as const;

function renameProblem(from: string, to: string): string | null {
  if (to === '') return 'Type the new name';
  if (to.includes(',')) return 'A tag cannot hold a comma: it would split in two';
  if (to === from) return 'That is its name already';
  return null;
}

/**
 * Rename (or merge into an existing tag) or delete one tag on every image of
 * the dataset. Nothing runs before the user has seen how many images change
 * and confirmed; the whole edit is one step of undo.
 */
export function TagEditDialog({ edit, onClose }: { edit: TagEdit; onClose(): void }) {
  const [name, setName] = useState(edit.tag);
  const [running, setRunning] = useState(false);
  const to = normalizeTag(name);
  const problem = edit.mode === 'rename' ? renameProblem(edit.tag, to) : null;
  const mergeCount = useTagsStore((s) => (edit.mode === 'rename' && to !== edit.tag ? (s.counts.get(to) ?? 0) : 0));

  const op: BatchOp | null =
    edit.mode === 'delete' ? { type: 'delete', tag: edit.tag } : problem ? null : { type: 'rename', from: edit.tag, to };
  const preview = useBatchPreview(op ? { target: ALL, op } : null);
  const ready = preview.kind === 'ready' && preview.preview.changes > 0;

  const confirm = async () => {
    if (!op || !ready || running) return;
    setRunning(true);
    const result = await applyBatch(ALL, op);
    setRunning(false);
    if (result) onClose();
  };

  const title = edit.mode === 'rename' ? `Rename “${edit.tag}”` : `Delete “${edit.tag}” everywhere`;
  return (
    <ModalDialog title={title} testId="tag-edit-dialog" data={{ 'data-mode': edit.mode }} onClose={onClose}>
      <form
        className="tag-edit-form"
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        {edit.mode === 'rename' && (
          <label className="field">
            <span>New name</span>
            <input
              type="text"
              data-testid="tag-rename-input"
              value={name}
              spellCheck={false}
              aria-invalid={problem !== null && name !== edit.tag}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
        )}
        {edit.mode === 'rename' && problem && name !== edit.tag && <p className="field-problem">{problem}</p>}
        {mergeCount > 0 && (
          <p className="merge-note" data-testid="tag-merge-note">
            “{to}” is on {mergeCount.toLocaleString('en-US')} {mergeCount === 1 ? 'image' : 'images'} already: the two tags merge
            into one, and an image with both keeps one.
          </p>
        )}
        {edit.mode === 'delete' && <p className="muted">The tag is removed from every caption that has it. Undo brings it back.</p>}
        <BatchPreviewView state={preview} withTargeted={false} />
        {running && <BatchProgress />}
        <div className="dialog-buttons">
          <button type="button" data-testid="tag-edit-cancel" data-autofocus onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={edit.mode === 'delete' ? 'primary danger' : 'primary'}
            data-testid="tag-edit-confirm"
            disabled={!ready || running}
          >
            {running ? 'Working…' : edit.mode === 'rename' ? (mergeCount > 0 ? 'Merge' : 'Rename') : 'Delete'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
