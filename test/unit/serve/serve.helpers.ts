import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { createApiHost } from '../../../src-main/api/create-api-host';
import { startServer } from '../../../src-main/serve/start-server';
import type { ChannelOutput } from '../../../src-shared/contract';
import { useStandInRenderer } from '../../support/stand-in-renderer';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * One GET, with exactly the headers a test names (Host, Cookie, Sec-Fetch-*):
 * no cookie jar, no redirect followed, and the path sent as written (a URL
 * parser would fold `/./` and `..`).
 */
export function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { origin, hostname, port } = new URL(url);
  const path = url.slice(origin.length) || '/';
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export const TOKEN = 'test-token';

/**
 * `folder` served as `lora-tagger serve` serves it: a real ApiHost and the
 * real server on a free port of 127.0.0.1, with a stand-in page for the
 * renderer (the tests need no build). `cookie` is what the browser holds
 * after the token exchange.
 */
export async function serveFolder(base: string, folder: string) {
  const restoreRenderer = useStandInRenderer(base);
  const api = createApiHost({
    transport: 'serve',
    userDataDir: join(base, 'app-data'),
    cacheDir: join(base, 'cache'),
    servedFolder: folder,
    version: 'test',
  });
  const server = await startServer({ host: '127.0.0.1', port: 0, api, token: TOKEN });
  const { origin, port } = new URL(server.url);
  return {
    api,
    url: server.url,
    origin,
    port: Number(port),
    cookie: `lt_${port}=${TOKEN}`,
    /** open the served folder in place, as the welcome screen's button does, and let the header checks finish */
    async open() {
      const opened = await api.invoke('session.open', { path: folder, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
      if (!opened.ok) throw new Error(opened.error.message);
      await api.workspace.requireSession().whenIdle();
    },
    /** the id of the listed image called `name` */
    async idOf(name: string): Promise<number> {
      const listed = await api.invoke('images.list', { offset: 0, limit: 1000 });
      if (!listed.ok) throw new Error(listed.error.message);
      const item = (listed.value as ChannelOutput<'images.list'>).items.find((i) => i.name === name);
      if (!item) throw new Error(`${name} is not listed`);
      return item.id;
    },
    async close() {
      await server.close();
      await api.shutdown();
      restoreRenderer();
    },
  };
}
