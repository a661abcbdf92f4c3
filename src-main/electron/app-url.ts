import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the window's page comes from: Vite's dev server, or the built file. */
export type RendererEntry = { kind: 'url'; url: string } | { kind: 'file'; path: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server only when unpackaged, and only on loopback: a packaged app
 * must never be pointed at another page (which would get the preload's bridge)
 * by an environment variable.
 */
export function rendererEntry(options: { isPackaged: boolean; devServerUrl: string | undefined; indexFile: string }): RendererEntry {
  const { isPackaged, devServerUrl, indexFile } = options;
  if (!isPackaged && devServerUrl) {
    const url = safeUrl(devServerUrl);
    if (url && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { kind: 'url', url: url.href };
  }
  return { kind: 'file', path: indexFile };
}

/**
 * Does `url` belong to the app's own page? Decides which navigations are allowed
 * and which frames may use IPC. The dev server matches by origin (Vite serves
 * many paths); the built app only by the exact index.html file, not its folder.
 */
export function appUrlCheck(entry: RendererEntry): (url: string) => boolean {
  if (entry.kind === 'url') {
    const origin = new URL(entry.url).origin;
    return (url) => safeUrl(url)?.origin === origin;
  }
  const indexPath = comparablePath(entry.path);
  return (url) => {
    const parsed = safeUrl(url);
    if (parsed === null || parsed.protocol !== 'file:') return false;
    try {
      // decoded paths, not URL text: Chromium and Node percent-encode odd characters differently
      return comparablePath(fileURLToPath(parsed)) === indexPath;
    } catch {
      return false; // a file URL with a remote host on POSIX, or an encoded separator
    }
  };
}

function comparablePath(path: string): string {
  const absolute = resolve(path);
  return process.platform === 'win32' ? absolute.toLowerCase() : absolute;
}

function safeUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
