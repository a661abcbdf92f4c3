import './setup';
import { copyFileSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import { setupImageProtocol } from '../../src-main/electron/image-protocol';
import type { ChannelOutput } from '../../src-shared/contract';
import { makeImage, makeImages, writeBytes } from '../support/make-images';
import { makeTempDir } from '../support/temp-dir';
import { net, protocol } from './electron-stub';

const SECRET = 'root:x:0:0:root:/root:/bin/bash\n';

let tmp: ReturnType<typeof makeTempDir>;
let host: ReturnType<typeof createApiHost>;
let folder: string;
beforeEach(async () => {
  tmp = makeTempDir();
  folder = join(tmp.path, 'set');
  await makeImages(folder, ['a.png', 'b.png']);
  writeBytes(join(tmp.path, 'passwd'), SECRET);
  host = createApiHost({ transport: 'electron', userDataDir: join(tmp.path, 'app-data'), cacheDir: join(tmp.path, 'cache'), servedFolder: null, version: 'test' });
  const opened = await host.invoke('session.open', { path: folder, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  if (!opened.ok) throw new Error(opened.error.message);
  await host.workspace.requireSession().whenIdle();
  // Electron's net.fetch of a file: URL, as it reads it: following links
  net.fetch.mockImplementation(async (url: string) => new Response(readFileSync(fileURLToPath(url))));
  setupImageProtocol(host);
});
afterEach(async () => {
  await host.shutdown();
  tmp.cleanup();
});

/** lt-image://image/<id>/full of the listed image `name`, through the registered handler */
async function full(name: string): Promise<Response> {
  const listed = await host.invoke('images.list', { offset: 0, limit: 100 });
  if (!listed.ok) throw new Error(listed.error.message);
  const id = (listed.value as ChannelOutput<'images.list'>).items.find((i) => i.name === name)!.id;
  return protocol.handlers.get('lt-image')!({ url: `lt-image://image/${id}/full`, method: 'GET' } as Request);
}

describe('lt-image: with the dataset on disk', () => {
  it('refuses an image that became a link to a file outside the dataset', async () => {
    rmSync(join(folder, 'b.png'));
    symlinkSync(join(tmp.path, 'passwd'), join(folder, 'b.png'));
    const response = await full('b.png');
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('root:');
  });

  it('names the type from the bytes: a .png holding a JPEG is image/jpeg', async () => {
    await makeImage(join(tmp.path, 'photo.jpg'));
    copyFileSync(join(tmp.path, 'photo.jpg'), join(folder, 'b.png'));
    const response = await full('b.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect([...new Uint8Array(await response.arrayBuffer()).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });
});
