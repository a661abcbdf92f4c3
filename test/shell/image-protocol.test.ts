import './setup';
import { describe, expect, it } from 'vitest';
import type { ImageResponse } from '../../src-main/api/api-host';
import { setupImageProtocol } from '../../src-main/electron/image-protocol';
import { net, protocol } from './electron-stub';
import { fakeHost } from './fake-host';

/** register with a host whose only image is #7 (a file) and #8 (bytes), then fetch through the handler */
function served(answer?: (id: number, kind: string) => Promise<ImageResponse>) {
  const { host } = fakeHost(
    answer ??
      (async (id) => {
        if (id === 7) return { ok: true, mime: 'image/png', path: '/data/cats/007.png' };
        if (id === 8) return { ok: true, mime: 'image/webp', data: Buffer.from('webp bytes') };
        return { ok: false, status: 404, message: 'no such image' };
      }),
  );
  setupImageProtocol(host);
  const handler = protocol.handlers.get('lt-image');
  if (!handler) throw new Error('lt-image is not handled');
  // what the handler reads of a Request; a real one refuses to carry some of the URLs tried here
  const get = (url: string, method = 'GET') => handler({ url, method } as Request);
  return { host, get };
}

describe('the lt-image handler', () => {
  it('answers a valid id with 200, the MIME type and the file, read through net.fetch', async () => {
    net.fetch.mockResolvedValueOnce(new Response('png bytes'));
    const { host, get } = served();
    const response = await get('lt-image://image/7/thumb?v=3');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('png bytes');
    expect(host.image).toHaveBeenCalledWith(7, 'thumb');
    expect(net.fetch).toHaveBeenCalledWith('file:///data/cats/007.png');
  });

  it('sends bytes the host rendered (a thumbnail) as they are', async () => {
    const { get } = served();
    const response = await get('lt-image://image/8/preview');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(await response.text()).toBe('webp bytes');
  });

  it.each([
    'lt-image://image/../etc/passwd',
    'lt-image://image/7/../../etc/passwd',
    'lt-image://image/%2e%2e/etc/passwd',
    'lt-image://image/7%2fthumb',
    'lt-image://image/7/original',
    'lt-image://image/-1/thumb',
    'lt-image://image/7/thumb/extra',
    'lt-image://image//7/thumb',
    'lt-image://other/7/thumb',
    'lt-image://user:pw@image/7/thumb',
    'lt-image://image:99/7/thumb',
    'lt-image:image/7/thumb',
    'lt-image://image/7.5/thumb',
  ])('answers %s with 400 and never asks the host', async (url) => {
    const { host, get } = served();
    const response = await get(url);
    expect(response.status).toBe(400);
    expect(host.image).not.toHaveBeenCalled();
  });

  it("passes the host's 404 on", async () => {
    const { get } = served();
    expect((await get('lt-image://image/99/full')).status).toBe(404);
  });

  it('refuses a MIME type outside the image allowlist with 415 (an SVG can carry script)', async () => {
    const { get } = served(async () => ({ ok: true, mime: 'image/svg+xml', path: '/data/x.svg' }));
    expect((await get('lt-image://image/1/full')).status).toBe(415);
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it.each(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/bmp', 'image/tiff', 'image/avif'])('serves %s', async (mime) => {
    const { get } = served(async () => ({ ok: true, mime, data: Buffer.from('x') }));
    const response = await get('lt-image://image/1/full');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(mime);
  });

  it('answers 404 when the file cannot be read after all', async () => {
    net.fetch.mockRejectedValueOnce(new Error('ENOENT'));
    const { get } = served();
    expect((await get('lt-image://image/7/full')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const { get } = served();
    const head = await get('lt-image://image/8/thumb', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect((await get('lt-image://image/8/thumb', 'POST')).status).toBe(405);
  });
});
