import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { protocol, type CustomScheme } from 'electron';
import { IMAGE_SCHEME } from '../../src-shared/image-url';
import { mimeFor, staticFile } from '../serve/static-files';
import { APP_HOST, APP_SCHEME } from './app-url';
import { refuseUnlessRead, strictSchemeUrl, textResponse } from './protocol-request';

// The built page is served from `app://renderer/`, not loaded from file://: a
// file:// page gets privileges a web page never has (fetching other file://
// URLs, universal access for file:// frames), and its origin is every file on
// the disk. Here the page has an origin of its own, and the handler answers
// only for files inside the renderer's build folder, of the types a page is
// made of.

/**
 * standard: relative URLs (./assets/…) resolve, and the page has a real origin
 * for its module scripts and storage; secure: a secure context, like https;
 * supportFetchAPI: fetch() of its own files works as on https. Not corsEnabled:
 * no other origin may read from it.
 */
export const APP_SCHEME_ENTRY: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/**
 * The desktop page talks to main over IPC alone, so it may connect nowhere
 * (index.html's own meta policy says `connect-src 'self'`, which the browser
 * transport needs for its WebSocket; both policies apply, the stricter wins).
 */
export const DESKTOP_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' ${IMAGE_SCHEME}: blob: data:`,
  "connect-src 'none'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** After `ready`: `app://renderer/<path>` answered from `rendererDir` (out/renderer). */
export function setupAppProtocol(rendererDir: string): void {
  const root = resolve(rendererDir);
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, root));
}

export async function answerAppRequest(request: Request, rendererDir: string): Promise<Response> {
  const refused = refuseUnlessRead(request);
  if (refused) return refused;
  const url = strictSchemeUrl(request.url, APP_SCHEME);
  if (url === null || url.host !== APP_HOST) return textResponse(400, `not an ${APP_SCHEME}://${APP_HOST}/<file> URL`);

  // decoded and folded, then kept inside the folder: `..%2f` climbs nowhere, nor does a link out of it
  const file = await staticFile(resolve(rendererDir), url.pathname);
  if (file === null) return textResponse(404, 'not a file of the app');
  const mime = mimeFor(file);
  if (mime === null) return textResponse(415, 'not a type of file the app serves');

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return textResponse(404, 'not a file of the app'); // missing, or a folder
  }
  const headers = {
    'content-type': mime,
    'x-content-type-options': 'nosniff',
    'content-security-policy': DESKTOP_PAGE_CSP,
    'cache-control': 'no-cache',
  };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), { status: 200, headers });
}
