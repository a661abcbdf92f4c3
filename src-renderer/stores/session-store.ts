import { create } from 'zustand';
import type { ChannelOutput, SessionInfo, Stats } from '../../src-shared/contract';
import type { ImageKind } from '../../src-shared/tagger-api';
import { api } from '../transport/api';

export type AppInfo = ChannelOutput<'app.info'>;
export type FolderProbe = ChannelOutput<'folder.probe'>;

/** What the window shows: one screen at a time, each with only the data it needs. */
export type Phase =
  | { kind: 'starting' }
  | { kind: 'welcome'; message: WelcomeMessage | null }
  | { kind: 'probing'; path: string }
  | { kind: 'setup'; probe: FolderProbe }
  | { kind: 'opening'; path: string }
  | { kind: 'tagging' };

/** an error or a notice on the welcome screen; `code` lets tests and styles tell them apart */
export interface WelcomeMessage {
  code: string;
  text: string;
  tone: 'error' | 'info';
}

interface SessionState {
  appInfo: AppInfo | null;
  session: SessionInfo | null;
  /** kept apart from `session` because `stats.changed` streams it on every edit */
  stats: Stats | null;
  phase: Phase;
  /**
   * Counts the folders entered. Every image URL carries it: image ids are per
   * folder, so without it the page would reuse a picture it loaded for
   * another folder's image of the same id, whatever the server's cache
   * headers say.
   */
  imageVersion: number;
}

export const useSessionStore = create<SessionState>()(() => ({
  appInfo: null,
  session: null,
  stats: null,
  phase: { kind: 'starting' },
  imageVersion: 0,
}));

export const setPhase = (phase: Phase) => useSessionStore.setState({ phase });
export const showWelcome = (message: WelcomeMessage | null = null) => setPhase({ kind: 'welcome', message });

/** an image's URL for this folder; `retry` makes it new again after a failed load */
export function imageUrl(id: number, kind: ImageKind, retry = 0): string {
  const version = useSessionStore.getState().imageVersion;
  return api.imageUrl(id, kind, retry === 0 ? version : `${version}-retry-${retry}`);
}

api.on('stats.changed', (stats) => useSessionStore.setState((s) => (s.session ? { stats } : s)));
