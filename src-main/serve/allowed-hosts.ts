import { isIPv6 } from 'node:net';
import { networkInterfaces } from 'node:os';

/** listening on every address: the machine's own addresses are its names */
const WILDCARD = new Set(['0.0.0.0', '::', '']);

/**
 * The Host headers the server answers: the loopback names, the host it was
 * told to listen on (as the printed URL names it), and with a wildcard every
 * address of this machine. A
 * site whose name an attacker points at 127.0.0.1 (DNS rebinding) sends its
 * own name as the Host and is refused, so the victim's browser cannot be
 * made to read the dataset for another site's script.
 */
export function allowedHosts(listenHost: string, port: number): ReadonlySet<string> {
  const names = new Set(['127.0.0.1', 'localhost', '::1', listenHost]);
  if (WILDCARD.has(listenHost)) {
    for (const addresses of Object.values(networkInterfaces())) for (const a of addresses ?? []) names.add(a.address);
  }
  const hosts = new Set<string>();
  for (const name of names) {
    if (name === '') continue;
    // the wildcard itself stays: it is the address the server prints, and no rebound name can be it
    const shown = (isIPv6(name) ? `[${name}]` : name).toLowerCase();
    hosts.add(`${shown}:${port}`);
    if (port === 80) hosts.add(shown); // a browser leaves out the default port
  }
  return hosts;
}

export const hostAllowed = (allowed: ReadonlySet<string>, header: string | undefined): boolean =>
  header !== undefined && allowed.has(header.toLowerCase());
