/**
 * What the app's custom protocols (lt-image: for images, app: for the page
 * itself) check of every request, and how they refuse one. A request comes
 * from the untrusted renderer (DESIGN.md, invariant 4).
 */

/** the refusal's headers: never sniffed into something runnable, and should it be rendered as a document it may run nothing */
const REFUSAL_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'",
  'cache-control': 'no-cache',
  'content-type': 'text/plain; charset=utf-8',
};

export function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: REFUSAL_HEADERS });
}

/** Reading is all a page may ask of these protocols; a 405 for anything else. */
export function refuseUnlessRead(request: Request): Response | null {
  return request.method === 'GET' || request.method === 'HEAD' ? null : textResponse(405, 'only GET and HEAD');
}

/**
 * `raw` parsed as a `<scheme>://<host>/<path>` URL, or null. No user, password
 * or port. The raw text is compared with what the parser made of it, so `..`,
 * `\` or doubled slashes cannot be folded by the parser into a URL that
 * happens to look valid: such a request is refused, not reinterpreted.
 */
export function strictSchemeUrl(raw: string, scheme: string): URL | null {
  const prefix = `${scheme}://`;
  if (!raw.startsWith(prefix)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${scheme}:` || url.username || url.password || url.port) return null;
  const rawPath = raw.slice(prefix.length).split(/[?#]/)[0] ?? '';
  return rawPath === `${url.host}${url.pathname}` ? url : null;
}
