import { connect, type Socket } from 'node:net';
import { WebSocket } from 'ws';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * One request written byte for byte on a fresh socket: the path as an
 * attacker writes it (backslashes, `..`, encodings, a NUL), any Host or
 * none. No client library folds or refuses anything on the way.
 */
export function rawRequest(port: number, target: string, headers: Record<string, string | null>, method = 'GET'): Promise<RawAnswer> {
  const lines = [`${method} ${target} HTTP/1.1`];
  for (const [name, value] of Object.entries({ connection: 'close', ...headers })) if (value !== null) lines.push(`${name}: ${value}`);
  return exchange(port, `${lines.join('\r\n')}\r\n\r\n`);
}

/** written, then read until the server closes (`connection: close`); a server that never does is cut off after `timeoutMs` */
export function exchange(port: number, text: string | Buffer, timeoutMs = 10_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parse(Buffer.concat(chunks)));
    });
    // not ended: a server may take a half-closed socket for a client gone, before it answers
    socket.write(text);
  });
}

function parse(raw: Buffer): RawAnswer {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, split < 0 ? raw.length : split).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status, headers, body };
}

function unchunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < body.length) {
    const eol = body.indexOf('\r\n', at);
    const size = parseInt(body.subarray(at, eol).toString(), 16);
    if (!size) break;
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** whether a WebSocket with these headers is let in (and answers an invoke) */
export function socketOpens(origin: string, path: string, headers: Record<string, string>): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}${path}`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(true);
    });
    ws.once('error', () => resolve(false));
  });
}

/** an open TCP connection that sends nothing, or dribbles a request's header a byte at a time */
export function idleSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}
