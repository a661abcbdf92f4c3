import type { SessionInfo } from '../../src-shared/contract';
import { resetCaption } from '../stores/caption-store';
import { loadImageList, resetImages } from '../stores/images-store';
import { setPhase, showWelcome, useSessionStore } from '../stores/session-store';
import { loadHistory, resetHistory } from '../stores/history-store';
import { loadTags, resetTags } from '../stores/tags-store';
import { showToast } from '../stores/ui-store';
import { call } from '../transport/api';
import { reloadCurrentImage } from './current-image';

export async function refreshAppInfo(): Promise<void> {
  const info = await call('app.info', {});
  if (info.ok) useSessionStore.setState({ appInfo: info.value });
  else showToast(`Could not read the app's settings: ${info.error.message}`, 'error');
}

/** Show an open session: its images, tags, and the image it was left on. */
export async function enterSession(session: SessionInfo): Promise<void> {
  const previous = useSessionStore.getState().session;
  const sameFolder = previous?.datasetDir === session.datasetDir;
  if (!sameFolder) {
    // ids are per dataset: image 5 of the last folder is not image 5 of this one
    resetImages();
    resetCaption();
    resetHistory();
  }
  useSessionStore.setState((s) => ({ session, stats: session.stats, imageVersion: s.imageVersion + 1 }));
  const [listed] = await Promise.all([
    loadImageList({ imageId: session.position.imageId, index: session.position.index }),
    loadTags(),
    loadHistory(),
  ]);
  if (!listed) {
    showWelcome({ code: 'io', text: `Could not list the images of ${session.root}.`, tone: 'error' });
    return;
  }
  setPhase({ kind: 'tagging' });
  // the same image may still be current (a reconnect): the store did not move, so fetch it anew
  if (sameFolder) void reloadCurrentImage();
}

function leaveSession(): void {
  useSessionStore.setState({ session: null, stats: null });
  resetImages();
  resetCaption();
  resetTags();
  resetHistory();
}

export async function closeFolder(): Promise<void> {
  const result = await call('session.close', {});
  if (!result.ok) {
    showToast(`Could not close the folder: ${result.error.message}`, 'error');
    return;
  }
  leaveSession();
  showWelcome();
  void refreshAppInfo();
}

export async function saveSession(): Promise<void> {
  if (!useSessionStore.getState().session) return;
  const result = await call('session.save', {});
  if (result.ok) showToast('Saved — all captions are on disk');
  else showToast(`Could not save: ${result.error.message}`, 'error');
}

/** Start-up and reconnects: come back to whatever main has open (a reload lands on the same image). */
export async function syncWithMain(): Promise<void> {
  const [, current] = await Promise.all([refreshAppInfo(), call('session.current', {})]);
  if (current.ok && current.value) {
    await enterSession(current.value);
    return;
  }
  if (useSessionStore.getState().session) leaveSession();
  const phase = useSessionStore.getState().phase.kind;
  // a reconnect in the middle of opening or setting up keeps that screen; its own request decides
  if (phase === 'starting' || phase === 'tagging') {
    showWelcome(current.ok ? null : { code: current.error.code, text: current.error.message, tone: 'error' });
  }
}

/** main opened or closed a session by itself (a second launch, the menu, another browser tab) */
export function sessionChanged(session: SessionInfo | null): void {
  const state = useSessionStore.getState();
  if (session) {
    if (state.phase.kind === 'opening') return; // our own session.open answers for itself
    if (state.session?.datasetDir === session.datasetDir) useSessionStore.setState({ session });
    else void enterSession(session);
    return;
  }
  if (!state.session) return;
  leaveSession();
  // opening another folder closes this one first; the open in progress keeps its screen
  if (state.phase.kind === 'opening' || state.phase.kind === 'probing') return;
  showWelcome();
  void refreshAppInfo();
}
