import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const newToken = (): string => randomBytes(24).toString('base64url');

/**
 * The session cookie the printed URL's token is exchanged for. Cookies are
 * kept per host, not per port: a name of its own per port keeps two servers
 * on one machine from overwriting each other's cookie, and a server never
 * takes another port's cookie (or the old shared `lt_token`) for its own.
 */
const sessionCookieName = (port: number): string => `lt_${port}`;

/** Set-Cookie for the exchange: never readable by script, never sent from another site, for every path */
export const sessionCookie = (port: number, token: string): string =>
  `${sessionCookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;

/** this port's session cookie, as the browser sent it; null when there is none */
export function cookieToken(req: IncomingMessage, port: number): string | null {
  const name = sessionCookieName(port);
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}

export function tokenMatches(expected: string, presented: string | null): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}
