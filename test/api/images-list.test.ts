import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import { resyncSession } from '../../src-main/core/session/resync';
import { IMAGE_LIST_PAGE, type ChannelOutput } from '../../src-shared/contract';
import { makeImages } from '../support/make-images';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let api: ReturnType<typeof createApiHost>;
beforeEach(() => {
  tmp = makeTempDir();
  api = createApiHost({ transport: 'serve', userDataDir: join(tmp.path, 'app-data'), cacheDir: join(tmp.path, 'cache'), servedFolder: tmp.path, version: 'test' });
});
afterEach(async () => {
  await api.shutdown();
  tmp.cleanup();
});

const page = async (offset: number, limit: number) => {
  const r = await api.invoke('images.list', { offset, limit });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ChannelOutput<'images.list'>;
};

describe('images.list', () => {
  it('answers a page of the list with its total and version; the version changes with the list', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png', 'b.png', 'c.png', 'd.png', 'e.png']);
    expect(await api.invoke('session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } })).toMatchObject({ ok: true });

    const first = await page(0, 2);
    expect(first.items.map((i) => i.name)).toEqual(['a.png', 'b.png']);
    expect(first.total).toBe(5);
    const rest = await page(2, 10);
    expect(rest.items.map((i) => i.name)).toEqual(['c.png', 'd.png', 'e.png']);
    expect(rest.version).toBe(first.version);
    expect((await page(5, 10)).items).toEqual([]);

    await makeImages(dir, ['f.png']);
    await resyncSession(api.workspace.requireSession(), { bus: api.workspace.bus, jobs: api.workspace.jobs, scanPool: api.workspace.options.scanPool });
    const after = await page(0, 10);
    expect(after.total).toBe(6);
    expect(after.version).not.toBe(first.version);
  });

  it('refuses a page larger than IMAGE_LIST_PAGE, and a negative offset', async () => {
    expect(await api.invoke('images.list', { offset: 0, limit: IMAGE_LIST_PAGE + 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.invoke('images.list', { offset: -1, limit: 10 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
