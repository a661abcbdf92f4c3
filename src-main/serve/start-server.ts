import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseImagePath } from '../../src-shared/image-url';
import { clientMessageSchema, TOKEN_PARAM, type ServerMessage } from '../../src-shared/serve-protocol';
import type { ApiHost } from '../api/api-host';
import { newToken, presentedToken, TOKEN_COOKIE, tokenMatches } from './access-token';
import { mimeFor, rendererDir, staticPath } from './static-files';

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

/**
 * The api over HTTP + WebSocket for a browser: the end-to-end suite runs the
 * real renderer and core through it, and `lora-tagger serve` uses it for a
 * dataset on another machine. Every request needs the token printed in the
 * URL (or the cookie the page sets from it); WebSockets must also come from
 * the page's own origin, so another site cannot ride on the cookie.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const root = rendererDir();
  const sockets = new Set<WebSocket>();

  const server = createServer((req, res) => {
    void handleHttp(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`internal error: ${(err as Error).message}`);
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const common = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };
    if (!tokenMatches(token, presentedToken(req, url))) {
      res.writeHead(401, { ...common, 'content-type': 'text/plain; charset=utf-8' });
      res.end('LoRA Tagger: this server needs the access token. Open the URL that `lora-tagger serve` printed.');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, common).end();
      return;
    }
    const image = parseImagePath(url.pathname);
    if (image) {
      const answer = await options.api.image(image.id, image.kind);
      if (!answer.ok) {
        res.writeHead(answer.status, { ...common, 'content-type': 'text/plain; charset=utf-8' }).end(answer.message);
        return;
      }
      const headers = { ...common, 'content-type': answer.mime, 'cache-control': 'private, max-age=3600' };
      if ('data' in answer) {
        res.writeHead(200, headers).end(answer.data);
        return;
      }
      res.writeHead(200, { ...headers, 'content-length': (await stat(answer.path)).size });
      createReadStream(answer.path).pipe(res);
      return;
    }
    const file = staticPath(root, url.pathname);
    const mime = file ? mimeFor(file) : null;
    const info = file && mime ? await stat(file).catch(() => null) : null;
    if (!file || !mime || !info?.isFile()) {
      res.writeHead(404, { ...common, 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers: Record<string, string | number> = { ...common, 'content-type': mime, 'content-length': info.size };
    if (mime.startsWith('text/html')) {
      headers['content-security-policy'] = CSP;
      // the page's own requests (scripts, styles) carry the token from here on
      headers['set-cookie'] = `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = req.headers.origin;
    const sameOrigin = !origin || origin === `http://${req.headers.host}`;
    if (url.pathname !== '/ws' || !sameOrigin || !tokenMatches(token, presentedToken(req, url))) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
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
      if (typeof id === 'number') send(ws, { type: 'result', id, result: { ok: false, error: { code: 'invalid-input', message: 'malformed message' } } });
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
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    token,
    url: `http://${shownHost}:${address.port}/?${TOKEN_PARAM}=${token}`,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
