import { historyMessage, type HistoryDirection } from '../logic/history-message';
import { setHistory, setHistoryBusy, useHistoryStore } from '../stores/history-store';
import { useSessionStore } from '../stores/session-store';
import { showToast } from '../stores/ui-store';
import { call } from '../transport/api';
import { whenEditsSettled } from './caption-edits';
import { reloadCurrentImage } from './current-image';
import { refreshFilter } from './refresh-filter';

/**
 * Undo and redo are main's: one step is one edit or one whole batch, stored as
 * changes in session.sqlite, restored byte for byte. The renderer asks, then
 * says what happened.
 */
async function step(direction: HistoryDirection): Promise<void> {
  const state = useHistoryStore.getState();
  if (state.busy || !useSessionStore.getState().session) return;
  const can = direction === 'undo' ? state.canUndo : state.canRedo;
  if (!can) {
    showToast(direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
    return;
  }
  setHistoryBusy(true);
  try {
    // an edit still on its way would land after the undo and quietly redo it
    await whenEditsSettled();
    const label = direction === 'undo' ? useHistoryStore.getState().undoLabel : useHistoryStore.getState().redoLabel;
    const result = await call(direction === 'undo' ? 'history.undo' : 'history.redo', {});
    if (!result.ok) {
      showToast(`Could not ${direction}: ${result.error.message}`, 'error');
      return;
    }
    const { restored, conflicts, ...history } = result.value;
    setHistory(history);
    const message = historyMessage(direction, label, restored, conflicts);
    showToast(message.text, message.tone);
    // caption.changed events update the image on screen; a fetch makes sure after many files at once
    void reloadCurrentImage();
    void refreshFilter();
  } finally {
    setHistoryBusy(false);
  }
}

export const undo = () => void step('undo');
export const redo = () => void step('redo');
