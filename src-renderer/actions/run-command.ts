import type { EventPayload } from '../../src-shared/contract';
import type { ShortcutAction } from '../keyboard/shortcut-map';
import { useSessionStore } from '../stores/session-store';
import { requestFocus, setShortcutsOpen } from '../stores/ui-store';
import { showSingle, toggleView, toggleZoom } from '../stores/view-store';
import {
  firstImage,
  lastImage,
  nextImage,
  nextUncaptioned,
  previousImage,
  previousUncaptioned,
  toggleSkipCurrent,
} from './current-image';
import { openAutotagPanel } from './autotag';
import { openCaptionerPanel } from './captioner';
import { openExportDialog } from './export';
import { chooseFolder } from './open-folder';
import { closeFolder, saveSession } from './session-flow';
import { redo, undo } from './history';
import { selectAllShown } from './selection';

export type MenuCommand = EventPayload<'menu.command'>['command'];
export type Command = ShortcutAction | MenuCommand;

/** Keys and the shell's menu land here, so a menu item and its accelerator always do the same thing. */
export function runCommand(command: Command): void {
  const tagging = useSessionStore.getState().phase.kind === 'tagging';
  switch (command) {
    case 'shortcuts':
      setShortcutsOpen(true);
      return;
    case 'close-overlay':
      setShortcutsOpen(false);
      return;
    case 'leave-input':
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      return;
    case 'open-folder':
      void chooseFolder();
      return;
  }
  // everything else acts on an open dataset
  if (!tagging) return;
  switch (command) {
    case 'previous':
      previousImage();
      return;
    case 'next':
      nextImage();
      return;
    case 'first':
      firstImage();
      return;
    case 'last':
      lastImage();
      return;
    case 'next-uncaptioned':
      void nextUncaptioned();
      return;
    case 'previous-uncaptioned':
      void previousUncaptioned();
      return;
    case 'toggle-skip':
      toggleSkipCurrent();
      return;
    case 'save':
      void saveSession();
      return;
    case 'find-tag':
      requestFocus('tag-filter');
      return;
    case 'focus-tag-input':
      requestFocus('tag-input');
      return;
    case 'close-folder':
      void closeFolder();
      return;
    case 'export':
      openExportDialog();
      return;
    case 'autotag':
      openAutotagPanel();
      return;
    case 'captioner':
      openCaptionerPanel();
      return;
    case 'toggle-view':
      toggleView();
      return;
    case 'toggle-zoom':
      toggleZoom();
      return;
    case 'single-view':
      showSingle();
      return;
    case 'undo':
      undo();
      return;
    case 'redo':
      redo();
      return;
    case 'select-all':
      selectAllShown();
      return;
  }
}
