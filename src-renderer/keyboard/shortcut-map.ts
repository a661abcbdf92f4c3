/**
 * The keyboard map, as a pure function from a key press to an action, so the
 * rules (what works while typing, what does not) are testable without a DOM.
 * Menu commands from the shell land on the same actions (see run-command.ts).
 */

export type ShortcutAction =
  | 'toggle-view'
  | 'single-view'
  | 'previous'
  | 'next'
  | 'save'
  | 'find-tag'
  | 'focus-tag-input'
  | 'leave-input'
  | 'shortcuts'
  | 'close-overlay'
  | 'undo'
  | 'redo'
  | 'export'
  | 'select-all';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** where focus is: a text field swallows plain keys, a button owns Enter */
  focus: 'text' | 'control' | 'none';
  overlayOpen: boolean;
  /** what the image area shows: in the grid, Escape goes back to the single image */
  view?: 'single' | 'grid';
}

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  // Cmd on macOS, Ctrl elsewhere; Alt combinations belong to the OS and menus
  const mod = press.ctrlKey || press.metaKey;
  if (press.altKey) return null;
  if (mod) {
    switch (press.key.toLowerCase()) {
      case 's':
        return 'save';
      case 'f':
        return 'find-tag';
      case 'l':
        return 'focus-tag-input';
      case 'e':
        return press.shiftKey ? null : 'export';
      // in a text field these are the field's own undo and redo
      case 'z':
        return press.focus === 'text' ? null : press.shiftKey ? 'redo' : 'undo';
      case 'y':
        return press.focus === 'text' ? null : 'redo';
      // in a text field Ctrl A selects its text; elsewhere it selects the images shown
      case 'a':
        return press.focus === 'text' || press.shiftKey ? null : 'select-all';
      default:
        return null;
    }
  }
  if (press.key === 'Escape') {
    if (press.overlayOpen) return 'close-overlay';
    if (press.focus === 'text') return 'leave-input';
    return press.view === 'grid' ? 'single-view' : null;
  }
  if (press.overlayOpen || press.focus === 'text') return null;
  switch (press.key) {
    case 'ArrowLeft':
      return 'previous';
    case 'ArrowRight':
      return 'next';
    case '?':
      return 'shortcuts';
    case 'g':
    case 'G':
      return 'toggle-view';
    case 'Enter':
      // Enter on a focused button presses it; only elsewhere does it jump to the tag input
      return press.focus === 'none' ? 'focus-tag-input' : null;
    default:
      return null;
  }
}

/** What the shortcuts overlay lists, in the order it lists them. */
export const SHORTCUT_HELP: ReadonlyArray<{ keys: string[]; does: string }> = [
  { keys: ['←'], does: 'Previous image' },
  { keys: ['→'], does: 'Next image' },
  { keys: ['Enter', 'Ctrl L'], does: 'Type tags for this image' },
  { keys: ['Enter'], does: 'In the tag input: add the typed tags (a, b, c adds three)' },
  { keys: ['↑', '↓', 'Tab'], does: 'In the tag input: choose and accept a suggestion' },
  { keys: ['Backspace'], does: 'In an empty tag input: remove the last tag' },
  { keys: ['Ctrl F'], does: 'Filter the tag list' },
  { keys: ['Ctrl Z'], does: 'Undo the last edit, batch edits included (outside text fields)' },
  { keys: ['Ctrl Shift Z', 'Ctrl Y'], does: 'Redo' },
  { keys: ['Ctrl A'], does: 'Select every image the filter shows (outside text fields)' },
  { keys: ['Alt ←', 'Alt →'], does: 'On a focused tag: move it left or right' },
  { keys: ['Ctrl Enter'], does: 'In the caption text: save now' },
  { keys: ['Ctrl E'], does: 'Export the dataset for a trainer (check first, then export)' },
  { keys: ['Ctrl S'], does: 'Save (rewrites tags.txt; captions are saved as you edit)' },
  { keys: ['G'], does: 'Switch between the single image and the grid of all images' },
  { keys: ['←', '↑', '→', '↓'], does: 'In the grid: move; Shift extends the selection, Space toggles it' },
  { keys: ['Enter', 'Esc'], does: 'In the grid: back to the single image, at the one under the cursor' },
  { keys: ['Esc'], does: 'Leave the text field, close a list or this overlay' },
  { keys: ['?'], does: 'Show these shortcuts' },
];
