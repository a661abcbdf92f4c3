import { setTimeout as sleep } from 'node:timers/promises';
import type { Invoke } from './built-app';

/** how long a person takes to find a folder in a dialog, from the app's start to the folder picked */
const PICKING_MS = 3000;

/**
 * What comes before a person's first open of `folder`, done through the
 * app's own channels as the page does it: on load, app.info and
 * session.current (session-flow.ts); then the person finds the folder
 * (PICKING_MS); then the page probes the folder picked, to ask how to set it
 * up (open-folder.ts). The open that follows is what is timed. Without these
 * requests the open would be the first message the app ever handled, and
 * its time would include compiling the transport's and the validation's
 * code, which the page's own requests have done by then.
 */
export async function pageLoadsAndPersonPicks(invoke: Invoke, folder: string): Promise<void> {
  await Promise.all([invoke('app.info', {}), invoke('session.current', {})]);
  await sleep(PICKING_MS);
  const probe = await invoke('folder.probe', { path: folder });
  if (!probe.ok) throw new Error(`folder.probe of ${folder} failed: ${probe.error.message}`);
}
