import { create } from 'zustand';
import type { TagSort } from '../logic/tag-counts';
import { transport } from '../transport/api';
import type { ConnectionState } from '../transport/ws-client';

export interface Toast {
  /** a fresh id per toast, so the same text twice still restarts the dismiss timer */
  id: number;
  text: string;
  tone: 'info' | 'error';
}

export type FocusTarget = 'tag-input' | 'tag-filter';

interface UiState {
  toast: Toast | null;
  shortcutsOpen: boolean;
  /** a keyboard shortcut asks a field to take focus; the field takes it and clears the request */
  focusRequest: { target: FocusTarget; seq: number } | null;
  /** browser transport only; null on the desktop */
  connection: ConnectionState | null;
  tagFilter: string;
  tagSort: TagSort;
  /** the tags panel's Aa toggle: off by default, `Long hair` finds `long hair` */
  tagFilterCase: boolean;
}

export const useUiStore = create<UiState>()(() => ({
  toast: null,
  shortcutsOpen: false,
  focusRequest: null,
  connection: null,
  tagFilter: '',
  tagSort: 'count',
  tagFilterCase: false,
}));

let toastSeq = 0;
export const showToast = (text: string, tone: Toast['tone'] = 'info') =>
  useUiStore.setState({ toast: { id: ++toastSeq, text, tone } });
export const dismissToast = (id: number) =>
  useUiStore.setState((s) => (s.toast?.id === id ? { toast: null } : s));

export const setShortcutsOpen = (open: boolean) => useUiStore.setState({ shortcutsOpen: open });

let focusSeq = 0;
export const requestFocus = (target: FocusTarget) => useUiStore.setState({ focusRequest: { target, seq: ++focusSeq } });
/**
 * The field took focus: forget the request, so a field that mounts later (the
 * tag input comes back after each image loads) does not steal focus again.
 * A request made while the field was not there waits for it instead.
 */
export const focusTaken = (seq: number) =>
  useUiStore.setState((s) => (s.focusRequest?.seq === seq ? { focusRequest: null } : s));

export const setTagFilter = (tagFilter: string) => useUiStore.setState({ tagFilter });
export const setTagSort = (tagSort: TagSort) => useUiStore.setState({ tagSort });
export const setTagFilterCase = (tagFilterCase: boolean) => useUiStore.setState({ tagFilterCase });

transport.onConnection?.((connection) => useUiStore.setState({ connection }));
