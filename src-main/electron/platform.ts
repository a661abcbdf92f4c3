import { join } from 'node:path';
import { app } from 'electron';
import type { Platform } from '../api/api-host';
import { defaultCacheDir } from '../serve/app-paths';
import { pickFile, pickFolder } from './dialogs';

/**
 * Thumbnails and previews go to the OS cache folder, the same one
 * `lora-tagger serve` uses, so both share them. A launch with its own
 * `--user-data-dir` (tests, a portable copy) keeps its cache inside it
 * instead, so nothing of it is left in the user's cache.
 */
export function desktopCacheDir(): string {
  return app.commandLine.hasSwitch('user-data-dir') ? join(app.getPath('sessionData'), 'thumbnails') : defaultCacheDir();
}

/** What the ApiHost gets to know about the desktop shell. */
export function desktopPlatform(): Platform {
  return {
    transport: 'electron',
    pickFolder,
    pickFile,
    userDataDir: app.getPath('userData'),
    cacheDir: desktopCacheDir(),
    servedFolder: null,
    version: app.getVersion(),
  };
}
