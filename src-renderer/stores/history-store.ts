import { create } from 'zustand';
import type { HistoryState } from '../../src-shared/contract';
import { api, call } from '../transport/api';

/**
 * What Ctrl+Z and Ctrl+Shift+Z would do. The history itself lives in main
 * (session.sqlite, as changes), so it covers batch edits and survives a
 * restart; the renderer only mirrors its labels for the toolbar.
 */
interface HistoryView extends HistoryState {
  /** an undo or redo is on its way: a second press must not race it */
  busy: boolean;
}

const EMPTY: HistoryView = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, busy: false };

export const useHistoryStore = create<HistoryView>()(() => EMPTY);

export async function loadHistory(): Promise<void> {
  const result = await call('history.state', {});
  if (result.ok) useHistoryStore.setState(result.value);
}

export const setHistory = (state: HistoryState) => useHistoryStore.setState(state);
export const setHistoryBusy = (busy: boolean) => useHistoryStore.setState({ busy });
export const resetHistory = () => useHistoryStore.setState(EMPTY);

api.on('history.changed', (state) => useHistoryStore.setState(state));
