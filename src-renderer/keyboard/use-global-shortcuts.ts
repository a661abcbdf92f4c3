import { useEffect } from 'react';
import { runCommand } from '../actions/run-command';
import { useUiStore } from '../stores/ui-store';
import { useViewStore } from '../stores/view-store';
import { type KeyPress, shortcutFor } from './shortcut-map';

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'submit', 'reset', 'color', 'file', 'image']);
/** inputs whose arrow keys move them: the window's image keys must not take those */
const ARROW_INPUTS = new Set(['radio', 'range']);

function focusKind(element: Element | null): KeyPress['focus'] {
  if (!(element instanceof HTMLElement) || element === document.body) return 'none';
  if (element.isContentEditable || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return 'text';
  if (element instanceof HTMLInputElement) {
    if (ARROW_INPUTS.has(element.type)) return 'arrows';
    return NON_TEXT_INPUTS.has(element.type) ? 'control' : 'text';
  }
  if (element instanceof HTMLButtonElement || element instanceof HTMLAnchorElement || element.getAttribute('role') === 'button') {
    return 'control';
  }
  return 'none';
}

/** the tag input marks itself: empty, it lets the image keys through (see shortcut-map.ts) */
const isEmptyTagInput = (element: Element | null) =>
  element instanceof HTMLInputElement && element.dataset.imageKeys === 'when-empty' && element.value === '';

/** One keydown listener for the whole window, mapping keys through shortcut-map.ts. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // a field that handled the key itself (the tag input's Escape closing its list) says so
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        focus: focusKind(document.activeElement),
        emptyTagInput: isEmptyTagInput(document.activeElement),
        overlayOpen: useUiStore.getState().shortcutsOpen,
        view: useViewStore.getState().mode,
      });
      if (!action) return;
      event.preventDefault();
      runCommand(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
