import { app } from 'electron';
import type { ApiHost } from '../api/api-host';

/**
 * A hung shutdown (a worker that never answers) must not leave a process the
 * user cannot quit. Every edit is already on disk by then; shutdown closes the
 * session database and stops the workers.
 */
export const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * Quit means: flush and close the session once, then really quit. Closing the
 * window quits too, on every platform: the app is one window on one folder,
 * and an invisible app holding a session open helps nobody.
 */
export function setupShutdownOnQuit(host: ApiHost, log: (message: string) => void = console.error): void {
  let state: 'running' | 'closing' | 'closed' = 'running';

  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return; // Ctrl+Q pressed again while closing
    state = 'closing';
    void closeWithin(host, SHUTDOWN_TIMEOUT_MS)
      .catch((err: unknown) => log(`LoRA Tagger: closing the session failed: ${String(err)}`))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });

  app.on('window-all-closed', () => app.quit());

  // Ctrl+C in the terminal that ran `lora-tagger ./folder` goes the same way as Ctrl+Q
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

function closeWithin(host: ApiHost, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${ms / 1000} s`)), ms);
  });
  return Promise.race([host.shutdown(), timeout]).finally(() => clearTimeout(timer));
}
