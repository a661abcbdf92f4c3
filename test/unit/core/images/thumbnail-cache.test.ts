import { relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImageService } from '../../../../src-main/core/images/image-service';
import { makeTempDir } from '../../../support/temp-dir';
import { filesUnder, openFolder } from './thumbnails.helpers';
import { testThreadPools } from '../../../support/test-thread-pools';

const pools = testThreadPools();

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('the thumbnail cache', () => {
  it('is reused on reopen: the job makes none again and asks no worker', async () => {
    const { dir, workspace, session, cacheDir } = await openFolder(tmp.path, 24);
    const images = new ImageService(cacheDir, pools);
    const first = await images.makeAllThumbnails(session, workspace.jobs);
    expect(first).toEqual({ total: 24, made: 24, cached: 0, failed: 0 });
    const before = filesUnder(images.root);
    expect(before).toHaveLength(24);
    // in the thumbnails' own folder, where the job's listing looks (a render once landed in render-256/)
    expect(before.every((f) => relative(images.root, f.path).startsWith(`thumb-256${sep}`))).toBe(true);
    await workspace.close();

    await workspace.open({ path: dir });
    const reopened = workspace.requireSession();
    // the fingerprints came back from session.sqlite: the cache keys are known without reading a file
    expect(reopened.allEntries().every((e) => e.row.fingerprint !== null)).toBe(true);
    const second = await images.makeAllThumbnails(reopened, workspace.jobs);
    expect(second).toEqual({ total: 24, made: 0, cached: 24, failed: 0 });
    const served = await images.serve(reopened, (await reopened.list())[5]!.id, 'thumb');
    expect(served).toMatchObject({ ok: true, created: false, mime: 'image/webp' });
    // not one file written again
    expect(filesUnder(images.root)).toEqual(before);
    await images.close();
    await workspace.shutdown();
  });

  it('shares one file between two images with the same content', async () => {
    const { workspace, session, cacheDir } = await openFolder(tmp.path, 3);
    const images = new ImageService(cacheDir, pools);
    const [a] = (await session.list());
    const one = await images.serve(session, a!.id, 'thumb');
    const again = await images.serve(session, a!.id, 'thumb');
    expect(one).toMatchObject({ ok: true, created: true });
    expect(again).toMatchObject({ ok: true, created: false });
    expect(again.ok && one.ok && again.path === one.path).toBe(true);
    await images.close();
    await workspace.shutdown();
  });

  it('makes previews in the size class the window asks for', async () => {
    const { workspace, session, cacheDir } = await openFolder(tmp.path, 1, { width: 3000, height: 2000 });
    const images = new ImageService(cacheDir, pools);
    const id = (await session.list())[0]!.id;
    const small = await images.serve(session, id, 'preview', { width: 900 });
    const large = await images.serve(session, id, 'preview', { width: 2400 });
    const sharp = (await import('sharp')).default;
    expect(small.ok && (await sharp(small.path).metadata()).width).toBe(1024);
    expect(large.ok && (await sharp(large.path).metadata()).width).toBe(2560);
    expect(small).toMatchObject({ mime: 'image/jpeg' });
    await images.close();
    await workspace.shutdown();
  });

  it('prefetches neighbours so that showing them makes nothing', async () => {
    const { workspace, session, cacheDir } = await openFolder(tmp.path, 5);
    const images = new ImageService(cacheDir, pools);
    const ids = (await session.list()).map((i) => i.id);
    await images.prefetch(session, [ids[1]!, ids[2]!], { width: 1600 });
    const next = await images.serve(session, ids[1]!, 'preview', { width: 1600 });
    expect(next).toMatchObject({ ok: true, created: false });
    await images.close();
    await workspace.shutdown();
  });
});

describe('a cache folder cleared while the app runs', () => {
  it('is made again by the next render', async () => {
    const { rmSync } = await import('node:fs');
    const { workspace, session, cacheDir } = await openFolder(tmp.path, 2);
    const images = new ImageService(cacheDir, pools, { concurrency: 1 });
    const [a, b] = (await session.list());
    expect(await images.serve(session, a!.id, 'thumb')).toMatchObject({ ok: true, created: true });
    rmSync(images.root, { recursive: true, force: true });
    expect(await images.serve(session, b!.id, 'thumb')).toMatchObject({ ok: true, created: true });
    expect(await images.serve(session, a!.id, 'thumb')).toMatchObject({ ok: true, created: true });
    await images.close();
    await workspace.shutdown();
  });
});
