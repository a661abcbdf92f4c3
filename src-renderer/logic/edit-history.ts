/**
 * Undo and redo of tag edits made in this window. Each entry is the tag list
 * of one image before and after an edit; undoing applies `before` only if the
 * image still holds `after`, so an edit from elsewhere is never silently undone.
 */
export interface TagEdit {
  id: number;
  before: string[];
  after: string[];
}

export interface EditHistory {
  record(edit: TagEdit): void;
  /** the edit to undo next, taken off the undo stack */
  takeUndo(): TagEdit | null;
  takeRedo(): TagEdit | null;
  /** after an undo went through, it can be redone (and the reverse) */
  undone(edit: TagEdit): void;
  redone(edit: TagEdit): void;
  clear(): void;
}

export function createEditHistory(limit: number): EditHistory {
  let undo: TagEdit[] = [];
  let redo: TagEdit[] = [];
  const push = (stack: TagEdit[], edit: TagEdit) => {
    stack.push(edit);
    if (stack.length > limit) stack.shift();
  };
  return {
    record(edit) {
      push(undo, edit);
      // a new edit forks history: what was undone before can no longer be redone
      redo = [];
    },
    takeUndo: () => undo.pop() ?? null,
    takeRedo: () => redo.pop() ?? null,
    undone: (edit) => push(redo, edit),
    redone: (edit) => push(undo, edit),
    clear() {
      undo = [];
      redo = [];
    },
  };
}
