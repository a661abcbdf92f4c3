import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { RendererEntry } from './app-url';
import { denyPermissions } from './harden-web-contents';

/**
 * The page gets exactly what the preload hands it through contextBridge and
 * nothing else: no Node, no Electron, an isolated world, Chromium's sandbox.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'LoRA Tagger',
    width: 1400,
    height: 900,
    minWidth: 800,
    minHeight: 560,
    backgroundColor: '#16181d',
    show: false, // shown on ready-to-show: no white flash before the dark UI paints
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // a folder dropped a few pixels off the drop zone must not replace the app with a file listing
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false, // tags are not prose: every booru tag would be underlined
    },
  };
}

let mainWindow: BrowserWindow | null = null;

/** the one window, or null while none is open (macOS between close and re-activate) */
export function getMainWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

export function createMainWindow(options: { preloadPath: string; entry: RendererEntry }): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  denyPermissions(window.webContents.session);
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;

  // a failed load (dev server not up, file missing) shows as an empty window; the rejection says why in the log
  window.loadURL(options.entry.url).catch((err: unknown) => console.error(`LoRA Tagger could not load its page: ${String(err)}`));
  return window;
}

/** bring the window to the front: a second launch or the dock icon */
export function focusMainWindow(): void {
  const window = getMainWindow();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
