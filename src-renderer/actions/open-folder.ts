import type { SessionMode } from '../../src-shared/contract';
import type { AppErrorData } from '../../src-shared/result';
import { latestJob, useJobsStore } from '../stores/jobs-store';
import { type FolderProbe, setPhase, showWelcome, useSessionStore, type WelcomeMessage } from '../stores/session-store';
import { showToast } from '../stores/ui-store';
import { call } from '../transport/api';
import { enterSession, refreshAppInfo } from './session-flow';

export const IMAGE_TYPES = 'jpg, jpeg, png, webp, gif, bmp, tif, tiff, avif';

export const noImagesMessage = (folder: string): WelcomeMessage => ({
  code: 'no-images',
  text: `No images in ${folder}. LoRA Tagger reads ${IMAGE_TYPES}.`,
  tone: 'error',
});

function failureMessage(path: string, error: AppErrorData): WelcomeMessage {
  switch (error.code) {
    case 'no-images':
      return noImagesMessage(path);
    case 'cancelled':
      return { code: 'cancelled', text: `Opening ${path} was cancelled.`, tone: 'info' };
    default:
      return { code: error.code, text: `Could not open ${path}: ${error.message}`, tone: 'error' };
  }
}

/** A failed open leaves an already open folder as it was: go back to it and say why; else the welcome screen says it. */
function giveUp(message: WelcomeMessage): void {
  if (useSessionStore.getState().session) {
    setPhase({ kind: 'tagging' });
    showToast(message.text, message.tone);
  } else showWelcome(message);
}

/** the setup screen's Back */
export function leaveSetup(): void {
  if (useSessionStore.getState().session) setPhase({ kind: 'tagging' });
  else showWelcome();
}

const busy = () => {
  const kind = useSessionStore.getState().phase.kind;
  return kind === 'probing' || kind === 'opening';
};

/**
 * The one way a folder gets opened, whatever asked (button, drop, recent list,
 * the shell's folder.requested): look first, then resume it or ask how to set it up.
 */
export async function openFolder(path: string): Promise<void> {
  if (busy()) return;
  setPhase({ kind: 'probing', path });
  const probe = await call('folder.probe', { path });
  if (!probe.ok) {
    giveUp(failureMessage(path, probe.error));
    return;
  }
  const found = probe.value;
  if (found.hasSession || found.civitaiSession) await runOpen(found.path);
  else if (found.imageCount === 0) giveUp(noImagesMessage(found.path));
  else setPhase({ kind: 'setup', probe: found });
}

export interface SetupChoice {
  mode: SessionMode;
  outputDir: string;
  prefix: string;
}

export const startSetup = (probe: FolderProbe, choice: SetupChoice) => runOpen(probe.path, choice);

async function runOpen(path: string, setup?: SetupChoice): Promise<void> {
  setPhase({ kind: 'opening', path });
  const result = await call('session.open', setup ? { path, setup } : { path });
  if (result.ok) await enterSession(result.value);
  else {
    giveUp(failureMessage(path, result.error));
    void refreshAppInfo();
  }
}

/** Stop the scan or import under way; session.open then answers 'cancelled'. */
export async function cancelOpening(): Promise<void> {
  const job = latestJob(useJobsStore.getState());
  if (!job) return;
  const result = await call('jobs.cancel', { jobId: job.jobId });
  if (!result.ok) showToast(`Could not cancel: ${result.error.message}`, 'error');
}

/** The "Open folder…" button and menu item: the native dialog, or over serve the one folder it serves. */
export async function chooseFolder(): Promise<void> {
  const info = useSessionStore.getState().appInfo;
  if (info?.canPickFolder) {
    const picked = await call('folder.pick', {});
    if (!picked.ok) showToast(`Could not show the folder dialog: ${picked.error.message}`, 'error');
    else if (picked.value.path) await openFolder(picked.value.path);
    return;
  }
  if (info?.servedFolder) await openFolder(info.servedFolder);
  else showToast('This server was started without a folder to open.', 'error');
}

export async function removeRecent(path: string): Promise<void> {
  const result = await call('recent.remove', { path });
  if (result.ok) await refreshAppInfo();
  else showToast(`Could not remove it from the list: ${result.error.message}`, 'error');
}
