import type { KeyPress } from '../../../../src-renderer/keyboard/shortcut-map';

/** a key press with no modifiers, nothing focused and no overlay, unless `over` says otherwise */
export const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  focus: 'none',
  overlayOpen: false,
  ...over,
});
