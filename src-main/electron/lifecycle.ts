import { join } from 'node:path';
import { app, dialog } from 'electron';
import type { OpenCommand } from '../cli/parse-args';
import { createApiHost } from '../api/create-api-host';
import { desktopSecrets } from './secret-keys';
import { setupAppProtocol } from './app-protocol';
import { appUrlCheck, rendererEntry } from './app-url';
import { createEventQueue } from './event-queue';
import { setupWebContentsHardening } from './harden-web-contents';
import { setupImageProtocol } from './image-protocol';
import { setupIpc } from './ipc';
import { setupMenu } from './menu';
import { desktopPlatform } from './platform';
import { registerPrivilegedSchemes } from './privileged-schemes';
import { setupShutdownOnQuit } from './shutdown-on-quit';
import { setupSingleInstance } from './single-instance';
import { createMainWindow, focusMainWindow } from './window';

/** what the entry knows about this launch */
export interface Launch {
  /** the user's own arguments, handed to a running instance */
  launchArgs: string[];
  /** out/ of the build, holding main/, preload/ and renderer/ */
  bundleDir: string;
}

/**
 * `lora-tagger [<folder>]`: the desktop app. Start-up is a list of setup steps,
 * one concern each; the order matters only where noted.
 */
export function startDesktop(command: OpenCommand, { launchArgs, bundleDir }: Launch): void {
  const entry = rendererEntry({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererDir: join(bundleDir, 'renderer'),
  });
  const isAppUrl = appUrlCheck(entry);
  const events = createEventQueue();

  // before ready: privileged schemes cannot be registered later
  registerPrivilegedSchemes();
  const isFirstInstance = setupSingleInstance({
    handoff: { args: launchArgs, cwd: process.cwd() },
    onFolder: (path) => events.push('folder.requested', { path }),
    focus: focusMainWindow,
  });
  if (!isFirstInstance) {
    app.quit();
    return;
  }
  setupWebContentsHardening(isAppUrl);
  if (process.platform === 'win32') app.setAppUserModelId('app.loratagger.desktop');

  app
    .whenReady()
    .then(() => {
      const host = createApiHost(desktopPlatform(), {
        defaults: { outputDir: command.outputDir, prefix: command.prefix },
        secrets: desktopSecrets(),
        startScanThreads: true,
      });
      setupShutdownOnQuit(host);
      setupIpc({ host, events, isAppUrl });
      setupImageProtocol(host);
      if (entry.kind === 'app') setupAppProtocol(entry.rendererDir);
      setupMenu({ events, isDev: !app.isPackaged });

      const window = createMainWindow({ preloadPath: join(bundleDir, 'preload', 'index.cjs'), entry });
      events.attach(window.webContents);
      // a reload (devtools, a renderer crash) drops the page's listeners: hold events until it is back
      window.webContents.on('did-start-loading', () => events.markNotReady(window.webContents));

      // the queue holds it until the page is listening
      if (command.folder !== null) events.push('folder.requested', { path: command.folder });
    })
    .catch((err: unknown) => {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      console.error(`LoRA Tagger could not start: ${message}`);
      dialog.showErrorBox('LoRA Tagger could not start', message);
      app.exit(1);
    });
}
