/**
 * Keys on a focused suggestion in the captions review, so a long review is
 * done without the mouse: A accepts, E edits, R rejects, ↑ ↓ (or K J) move
 * between suggestions. In the edit box Ctrl Enter accepts the edited text and
 * Escape leaves it. Plain keys go to the card only when the card itself has
 * focus, never while a field is being typed in.
 */
export type ReviewKeyAction = 'accept' | 'edit' | 'reject' | 'next' | 'previous' | 'accept-edited' | 'cancel-edit';

export interface ReviewKeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** the card's own edit box has focus */
  inEditBox: boolean;
  /** the focus is on the card itself, not on one of its buttons or fields */
  onCard: boolean;
}

export function reviewKeyFor(press: ReviewKeyPress): ReviewKeyAction | null {
  const mod = press.ctrlKey || press.metaKey;
  if (press.altKey) return null;
  if (press.inEditBox) {
    if (mod && press.key === 'Enter') return 'accept-edited';
    return !mod && press.key === 'Escape' ? 'cancel-edit' : null;
  }
  if (mod) return null;
  switch (press.key) {
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
  }
  if (!press.onCard) return null;
  switch (press.key.toLowerCase()) {
    case 'a':
      return 'accept';
    case 'e':
      return 'edit';
    case 'r':
      return 'reject';
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    default:
      return null;
  }
}
