import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { makeImages } from '../../support/make-images';
import { makeTempDir } from '../../support/temp-dir';
import { get, serveFolder, TOKEN } from './serve.helpers';

let tmp: ReturnType<typeof makeTempDir>;
let served: Awaited<ReturnType<typeof serveFolder>>;
beforeEach(async () => {
  tmp = makeTempDir();
  const folder = join(tmp.path, 'set');
  await makeImages(folder, ['a.png']);
  served = await serveFolder(tmp.path, folder);
});
afterEach(async () => {
  await served.close();
  tmp.cleanup();
});

/** whether a WebSocket to /ws with these headers is let in */
function socketOpens(path: string, headers: Record<string, string>): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${served.origin.replace('http', 'ws')}${path}`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(true);
    });
    ws.once('error', () => resolve(false));
  });
}

describe('the token exchange', () => {
  it('answers the printed URL with a 303 to the address without the token and a session cookie named for the port', async () => {
    const first = await get(served.url);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toBe(`lt_${served.port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`);
  });

  it('keeps the other query parameters and never redirects to another server', async () => {
    expect((await get(`${served.origin}/?a=1&token=${TOKEN}&b=2`)).headers.location).toBe('/?a=1&b=2');
    // a path that would read as `//evil.example/`, a protocol-relative address of another server
    expect((await get(`${served.origin}/.//evil.example/?token=${TOKEN}`)).headers.location).toBe('/evil.example/');
  });

  it('gives no cookie for a wrong token', async () => {
    const wrong = await get(`${served.origin}/?token=guess`);
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });
});

describe('the session cookie', () => {
  it('opens the clean address; without it the page is refused', async () => {
    const page = await get(`${served.origin}/`, { cookie: served.cookie });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('LoRA Tagger');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect((await get(`${served.origin}/`)).status).toBe(401);
  });

  it('is enough for an image: its URL carries no token', async () => {
    await served.open();
    const id = await served.idOf('a.png');
    const image = await get(`${served.origin}/image/${id}/full`, { cookie: served.cookie });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.body.subarray(1, 4).toString()).toBe('PNG');
    expect((await get(`${served.origin}/image/${id}/full`)).status).toBe(401);
  });

  it("of another port, or the old shared cookie, is refused", async () => {
    expect((await get(`${served.origin}/`, { cookie: `lt_${served.port + 1}=${TOKEN}` })).status).toBe(401);
    expect((await get(`${served.origin}/`, { cookie: `lt_token=${TOKEN}` })).status).toBe(401);
    expect((await get(`${served.origin}/`, { cookie: `other=1; lt_${served.port}=${TOKEN}` })).status).toBe(200);
  });

  it('opens the WebSocket; a token in the socket URL without the cookie does not', async () => {
    expect(await socketOpens('/ws', { cookie: served.cookie, origin: served.origin })).toBe(true);
    expect(await socketOpens(`/ws?token=${TOKEN}`, { origin: served.origin })).toBe(false);
    // another origin may not ride on the cookie
    expect(await socketOpens('/ws', { cookie: served.cookie, origin: 'http://127.0.0.1:1' })).toBe(false);
  });
});

describe('requests from elsewhere', () => {
  it('are refused when the Host is not one of the server’s own names (DNS rebinding)', async () => {
    const withHost = (host: string) => get(`${served.origin}/`, { cookie: served.cookie, host });
    expect((await withHost(`evil.example:${served.port}`)).status).toBe(421);
    expect((await withHost(`127.0.0.1:${served.port + 1}`)).status).toBe(421);
    expect((await get(`${served.url}`, { host: `evil.example:${served.port}` })).status).toBe(421);
    expect((await withHost(`localhost:${served.port}`)).status).toBe(200);
    expect((await withHost(`LOCALHOST:${served.port}`)).status).toBe(200);
    expect((await withHost(`[::1]:${served.port}`)).status).toBe(200);
    expect(await socketOpens('/ws', { cookie: served.cookie, host: `evil.example:${served.port}`, origin: `http://evil.example:${served.port}` })).toBe(false);
  });

  it('are refused when a page of another origin embeds an image, though the browser sends the same-site cookie', async () => {
    await served.open();
    const id = await served.idOf('a.png');
    const url = `${served.origin}/image/${id}/thumb`;
    const embedded = await get(url, { cookie: served.cookie, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' });
    expect(embedded.status).toBe(403);
    const own = await get(url, { cookie: served.cookie, 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' });
    expect(own.status).toBe(200);
    // browsers that send no fetch metadata still honour the resource policy
    expect(own.headers['cross-origin-resource-policy']).toBe('same-origin');
    // following a link from another page is a navigation: it is let through
    expect((await get(`${served.origin}/`, { cookie: served.cookie, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'navigate' })).status).toBe(200);
  });
});

describe('stopping', () => {
  it('stops with a connection open that sent nothing, and one that sent half a request', async () => {
    const silent = connect(served.port, '127.0.0.1');
    const half = connect(served.port, '127.0.0.1');
    await Promise.all([silent, half].map((s) => new Promise((r) => s.once('connect', r))));
    for (const s of [silent, half]) s.on('error', () => undefined); // a reset as the server drops them is expected
    half.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${served.port}\r\n`);
    const ended = [silent, half].map((s) => new Promise((r) => s.once('close', r)));
    // without closing them, the server's close waits for these connections, for a minute or more
    await served.close();
    await Promise.all(ended);
    served = await serveFolder(tmp.path, join(tmp.path, 'set')); // for afterEach
  });
});
