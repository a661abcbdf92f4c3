/** The built page's address: served by app-protocol.ts, never loaded from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Where the window's page comes from: Vite's dev server, or the built page
 * served from `rendererDir` on the app: protocol.
 */
export type RendererEntry = { kind: 'dev-server'; url: string } | { kind: 'app'; url: string; rendererDir: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server only when unpackaged, and only on loopback: a packaged app
 * must never be pointed at another page (which would get the preload's bridge)
 * by an environment variable.
 */
export function rendererEntry(options: { isPackaged: boolean; devServerUrl: string | undefined; rendererDir: string }): RendererEntry {
  const { isPackaged, devServerUrl, rendererDir } = options;
  if (!isPackaged && devServerUrl) {
    const url = safeUrl(devServerUrl);
    if (url && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { kind: 'dev-server', url: url.href };
  }
  return { kind: 'app', url: APP_INDEX_URL, rendererDir };
}

/**
 * Does `url` belong to the app's own page? Decides which navigations are allowed
 * and which frames may use IPC: the page's origin and nothing else. Compared
 * part by part, not by `URL.origin`, which is "null" for every custom scheme
 * alike (app: would match any other scheme's URL).
 */
export function appUrlCheck(entry: RendererEntry): (url: string) => boolean {
  const page = new URL(entry.url);
  return (url) => {
    const parsed = safeUrl(url);
    return (
      parsed !== null &&
      parsed.protocol === page.protocol &&
      parsed.host === page.host &&
      parsed.host !== '' &&
      parsed.username === '' &&
      parsed.password === ''
    );
  };
}

function safeUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}
