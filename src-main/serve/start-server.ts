import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseImagePath } from '../../src-shared/image-url';
import { clientMessageSchema, TOKEN_PARAM, type ServerMessage } from '../../src-shared/serve-protocol';
import { CONTRACT_REFUSAL, fail } from '../../src-shared/result';
import type { ApiHost } from '../api/api-host';
import { fileProblem, openRegularFile } from '../core/fs/regular-file';
import { cookieToken, newToken, sessionCookie, tokenMatches } from './access-token';
import { allowedHosts, hostAllowed } from './allowed-hosts';
import { allowedImageMime } from './image-mime';
import { mimeFor, rendererDir, staticFile } from './static-files';

export interface ServerOptions {
  host: string;
  port: number;
  api: ApiHost;
  /** fixed in tests; random otherwise */
  token?: string;
}

export interface RunningServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const COMMON_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  // a page of another origin may not embed what is served here, even where the browser sends the cookie
  'cross-origin-resource-policy': 'same-origin',
};

const NEEDS_TOKEN = 'LoRA Tagger: this server needs the access token. Open the URL that `lora-tagger serve` printed.';

/** where the token exchange sends the browser: the same path and query without the token, on this server */
function withoutToken(url: URL): string {
  const clean = new URL(url);
  clean.searchParams.delete(TOKEN_PARAM);
  // '//evil.example/' would be another server's address
  return `/${clean.pathname.replace(/^\/+/, '')}${clean.search}`;
}

/**
 * A subresource another origin's page asked for (Fetch Metadata): an <img>
 * on another port of 127.0.0.1 is same-site, so the SameSite cookie goes
 * with it. Navigations (the user following a link) and browsers that send
 * no metadata are let through; the cookie and the resource policy cover them.
 */
function fromOtherOrigin(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return (site === 'same-site' || site === 'cross-site') && req.headers['sec-fetch-mode'] !== 'navigate';
}

/**
 * A served file's validator: which file it is (device, inode) and its size
 * and time. A thumbnail is a file named by its picture's content, so another
 * picture under the same id is another file.
 */
const fileTag = (s: Stats): string => `W/"${s.dev.toString(36)}-${s.ino.toString(36)}-${s.size.toString(36)}-${Math.round(s.mtimeMs * 1000).toString(36)}"`;

/**
 * The api over HTTP + WebSocket for a browser: the end-to-end suite runs the
 * real renderer and core through it, and `lora-tagger serve` uses it for a
 * dataset on another machine. The printed URL carries a token; the first
 * request exchanges it for this port's session cookie and is redirected to
 * the same address without it, so the token stays out of the address bar,
 * the history and every later URL. Every request needs the cookie and one
 * of this server's own names as its Host (DNS rebinding); requests a page of
 * another origin makes (an <img> on another port of 127.0.0.1, which the
 * same-site cookie would ride on) are refused, and WebSockets must come from
 * the page's own origin.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const root = rendererDir();
  const sockets = new Set<WebSocket>();
  // known once listening (port 0 picks one); no request comes before
  let port = 0;
  let hosts: ReadonlySet<string> = new Set();

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`internal error: ${(err as Error).message}`);
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const refuse = (status: number, message: string) =>
      res.writeHead(status, { ...COMMON_HEADERS, 'content-type': 'text/plain; charset=utf-8' }).end(message);
    if (!hostAllowed(hosts, req.headers.host)) return void refuse(421, 'LoRA Tagger: this server does not answer to that host name.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, COMMON_HEADERS).end();
    const fromUrl = url.searchParams.get(TOKEN_PARAM);
    if (fromUrl !== null) {
      if (!tokenMatches(token, fromUrl)) return void refuse(401, NEEDS_TOKEN);
      res.writeHead(303, { ...COMMON_HEADERS, location: withoutToken(url), 'set-cookie': sessionCookie(port, token) }).end();
      return;
    }
    if (!tokenMatches(token, cookieToken(req, port))) return void refuse(401, NEEDS_TOKEN);
    if (fromOtherOrigin(req)) return void refuse(403, 'LoRA Tagger: only its own page may load this.');

    const image = parseImagePath(url.pathname);
    if (image) {
      const answer = await options.api.image(image.id, image.kind);
      if (!answer.ok) return void refuse(answer.status, answer.message);
      const mime = allowedImageMime(answer.mime);
      if (!mime) return void refuse(415, `not an image type the app serves: ${answer.mime || 'none'}`);
      // asked again each time it is shown: an id names another picture in another folder, and the file
      // under an id may change; the tag says whether the copy the browser has is still it
      const headers = { ...COMMON_HEADERS, 'content-type': mime, 'cache-control': 'private, no-cache' };
      if ('data' in answer) return void res.writeHead(200, headers).end(answer.data);
      // a folder or a named pipe put under the file's name meanwhile is refused, never waited on
      const opened = await openRegularFile(answer.path).catch((err: unknown) => fileProblem(err));
      if (typeof opened === 'string') return void refuse(404, `the image file could not be read: ${opened}`);
      const etag = fileTag(opened.stats);
      if (req.headers['if-none-match'] === etag) {
        await opened.handle.close();
        return void res.writeHead(304, { ...headers, etag }).end();
      }
      res.writeHead(200, { ...headers, etag, 'content-length': opened.stats.size });
      // a browser that stops reading (scrolled away) ends the stream, and the descriptor with it
      await pipeline(opened.handle.createReadStream(), res).catch(() => undefined);
      return;
    }
    const file = await staticFile(root, url.pathname);
    const mime = file ? mimeFor(file) : null;
    const info = file && mime ? await stat(file).catch(() => null) : null;
    if (!file || !mime || !info?.isFile()) return void refuse(404, 'not found');
    const headers: Record<string, string | number> = { ...COMMON_HEADERS, 'content-type': mime, 'content-length': info.size };
    if (mime.startsWith('text/html')) headers['content-security-policy'] = CSP;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!hostAllowed(hosts, req.headers.host)) {
      socket.end('HTTP/1.1 421 Misdirected Request\r\n\r\n');
      return;
    }
    const origin = req.headers.origin;
    const sameOrigin = !origin || origin === `http://${req.headers.host}`;
    if (url.pathname !== '/ws' || !sameOrigin || !tokenMatches(token, cookieToken(req, port))) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      // a frame past maxPayload or of invalid UTF-8: ws has already closed that socket (1009, 1007) and only reports it; unheard, the report would end the process
      ws.on('error', () => undefined);
      ws.on('message', (data) => void onMessage(ws, data.toString()));
    });
  });

  async function onMessage(ws: WebSocket, text: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return; // not ours to answer: there is no id to answer to
    }
    const msg = clientMessageSchema.safeParse(json);
    if (!msg.success) {
      const id = (json as { id?: unknown })?.id;
      if (typeof id === 'number') send(ws, { type: 'result', id, result: fail('invalid-input', 'malformed message', CONTRACT_REFUSAL) });
      return;
    }
    const result = await options.api.invoke(msg.data.channel, msg.data.payload);
    send(ws, { type: 'result', id: msg.data.id, result });
  }

  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  const unsubscribe = options.api.subscribe((event, payload) => {
    const text = JSON.stringify({ type: 'event', event, payload } satisfies ServerMessage);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  port = address.port;
  hosts = allowedHosts(options.host, port);
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    token,
    url: `http://${shownHost}:${address.port}/?${TOKEN_PARAM}=${token}`,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      const closed = new Promise<void>((r) => server.close(() => r()));
      // close() waits for every connection to end: one a browser opened ahead of need and sent nothing
      // on (a preconnect), or that sent half a request, would keep the server, and a Ctrl+C, waiting
      server.closeAllConnections();
      await closed;
    },
  };
}
