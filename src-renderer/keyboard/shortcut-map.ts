/**
 * The keyboard map, as a pure function from a key press to an action, so the
 * rules (what works while typing, what does not) are testable without a DOM.
 * Menu commands from the shell land on the same actions (see run-command.ts).
 */

export const SHORTCUT_ACTIONS = [
  'toggle-view',
  'toggle-zoom',
  'single-view',
  'previous',
  'next',
  'first',
  'last',
  'next-uncaptioned',
  'previous-uncaptioned',
  'toggle-skip',
  'save',
  'find-tag',
  'focus-tag-input',
  'leave-input',
  'shortcuts',
  'close-overlay',
  'undo',
  'redo',
  'export',
  'select-all',
  'autotag',
  'captioner',
] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /**
   * where focus is: a text field swallows plain keys, a button owns Enter, and
   * a control that moves with the arrows (a slider, a radio group) owns them
   */
  focus: 'text' | 'control' | 'arrows' | 'none';
  /**
   * the focused field is the tag input and holds nothing: ← → Home End move
   * between images from there, so tagging is type, Enter, →, type
   */
  emptyTagInput?: boolean;
  overlayOpen: boolean;
  /** what the image area shows: in the grid, Escape goes back to the single image */
  view?: 'single' | 'grid';
}

/** keys that move between images even from the empty tag input, where they would do nothing */
const IMAGE_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Home', 'End']);
/** keys a focused slider or radio group moves itself with */
const ARROW_CONTROL_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

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
      // TagGUI's key for the next image without a caption
      case 'j':
        return press.shiftKey ? 'previous-uncaptioned' : 'next-uncaptioned';
      case 'k':
        return press.shiftKey ? null : 'toggle-skip';
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
  if (press.overlayOpen) return null;
  if (press.focus === 'text' && !(press.emptyTagInput && IMAGE_KEYS.has(press.key))) return null;
  if (press.focus === 'arrows' && ARROW_CONTROL_KEYS.has(press.key)) return null;
  switch (press.key) {
    case 'ArrowLeft':
      return 'previous';
    case 'ArrowRight':
      return 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case '?':
      return 'shortcuts';
    case 'g':
    case 'G':
      return 'toggle-view';
    case 'z':
    case 'Z':
      return press.view === 'grid' ? null : 'toggle-zoom';
    case 't':
    case 'T':
      return 'autotag';
    case 'c':
    case 'C':
      return 'captioner';
    case 'Enter':
      // Enter on a focused button presses it; only elsewhere does it jump to the tag input
      return press.focus === 'none' ? 'focus-tag-input' : null;
    default:
      return null;
  }
}

export interface ShortcutHelp {
  keys: string[];
  does: string;
  /**
   * what the map does for these keys (where `when` says), so a test holds the
   * list to the map; absent for keys a field or the grid handles itself
   */
  action?: ShortcutAction;
  when?: Partial<Pick<KeyPress, 'focus' | 'emptyTagInput' | 'overlayOpen' | 'view'>>;
}

/** What the shortcuts overlay lists, in the order it lists them: the one list of the app's keys. */
export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: ['←'], does: 'Previous image (also from the empty tag input)', action: 'previous' },
  { keys: ['→'], does: 'Next image (also from the empty tag input)', action: 'next' },
  { keys: ['Home'], does: 'First image', action: 'first' },
  { keys: ['End'], does: 'Last image', action: 'last' },
  { keys: ['Ctrl J'], does: 'Next image without a caption', action: 'next-uncaptioned' },
  { keys: ['Ctrl Shift J'], does: 'Previous image without a caption', action: 'previous-uncaptioned' },
  { keys: ['Ctrl K'], does: 'Skip this image (leave it out of training), or take it back', action: 'toggle-skip' },
  { keys: ['Enter', 'Ctrl L'], does: 'Type tags for this image', action: 'focus-tag-input' },
  { keys: ['Enter'], does: 'In the tag input: add the typed tags (a, b, c adds three)' },
  { keys: ['↑', '↓', 'Tab'], does: 'In the tag input: choose and accept a suggestion' },
  { keys: ['Backspace'], does: 'In an empty tag input: remove the last tag' },
  { keys: ['Ctrl F'], does: 'Filter the tag list', action: 'find-tag' },
  { keys: ['Ctrl Z'], does: 'Undo the last edit, batch edits included (outside text fields)', action: 'undo' },
  { keys: ['Ctrl Shift Z', 'Ctrl Y'], does: 'Redo', action: 'redo' },
  { keys: ['Ctrl A'], does: 'Select every image the filter shows (outside text fields)', action: 'select-all' },
  { keys: ['Alt ←', 'Alt →'], does: 'On a focused tag: move it left or right' },
  { keys: ['Ctrl Enter'], does: 'In the caption text: save now' },
  { keys: ['T'], does: 'Auto-tag: score images with a model, set thresholds, apply or suggest', action: 'autotag' },
  { keys: ['C'], does: 'AI captions: write captions with a vision-language model, then review them', action: 'captioner' },
  { keys: ['A', 'E', 'R'], does: 'In the captions review, on a suggestion: accept, edit, reject (↑ ↓ move; Ctrl Enter accepts an edit)' },
  { keys: ['Ctrl E'], does: 'Export the dataset for a trainer (check first, then export)', action: 'export' },
  { keys: ['Ctrl S'], does: 'Save (rewrites tags.txt; captions are saved as you edit)', action: 'save' },
  { keys: ['Z'], does: 'Zoom the image: fit ↔ 1:1 (a click does the same; drag or scroll to pan)', action: 'toggle-zoom' },
  { keys: ['G'], does: 'Switch between the single image and the grid of all images', action: 'toggle-view' },
  { keys: ['←', '↑', '→', '↓'], does: 'In the grid: move; Shift extends the selection, Space toggles it' },
  { keys: ['Enter'], does: 'In the grid: back to the single image, at the one under the cursor' },
  { keys: ['Esc'], does: 'In the grid: back to the single image', action: 'single-view', when: { view: 'grid' } },
  { keys: ['Esc'], does: 'Leave the text field, close a list', action: 'leave-input', when: { focus: 'text' } },
  { keys: ['Esc'], does: 'Close this overlay', action: 'close-overlay', when: { overlayOpen: true } },
  { keys: ['?'], does: 'Show these shortcuts', action: 'shortcuts' },
];
