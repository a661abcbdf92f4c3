import { app } from 'electron';
import type { ServeCommand } from '../cli/parse-args';
import { runServe } from '../serve/run-serve';
import { desktopCacheDir } from './platform';

/**
 * `lora-tagger serve <folder>` from the installed app: no window, the UI goes to
 * a browser. The same server as `node out/main/serve.js`, with the desktop app's
 * folders so both share settings and thumbnails.
 */
export function startServeCommand(command: ServeCommand): void {
  app.dock?.hide(); // macOS: a server is not an app in the Dock

  runServe(command, { userDataDir: app.getPath('userData'), cacheDir: desktopCacheDir(), version: app.getVersion() })
    .then((server) => {
      let stopping = false;
      const stop = (): void => {
        if (stopping) return;
        stopping = true;
        server
          .close()
          .catch((err: unknown) => process.stderr.write(`LoRA Tagger: closing the server failed: ${String(err)}\n`))
          .finally(() => app.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      // no window will ever close, so quitting comes only from a signal or the OS (logout)
      app.on('before-quit', (event) => {
        event.preventDefault();
        stop();
      });
    })
    .catch((err: unknown) => {
      process.stderr.write(`lora-tagger serve: ${err instanceof Error ? err.message : String(err)}\n`);
      app.exit(1);
    });
}
