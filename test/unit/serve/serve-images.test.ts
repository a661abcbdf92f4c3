import { copyFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeImage, makeImages, writeBytes } from '../../support/make-images';
import { makeTempDir } from '../../support/temp-dir';
import { get, serveFolder } from './serve.helpers';

/** what a secret outside the dataset holds: never to come back from an image URL */
const SECRET = 'root:x:0:0:root:/root:/bin/bash\n';

let tmp: ReturnType<typeof makeTempDir>;
let served: Awaited<ReturnType<typeof serveFolder>>;
let folder: string;
beforeEach(async () => {
  tmp = makeTempDir();
  folder = join(tmp.path, 'set');
  await makeImages(folder, ['a.png', 'b.png']);
  writeBytes(join(tmp.path, 'passwd'), SECRET);
  await makeImage(join(tmp.path, 'private.png'), { seed: 9 });
  served = await serveFolder(tmp.path, folder);
});
afterEach(async () => {
  await served.close();
  tmp.cleanup();
});

const image = async (name: string, kind: 'full' | 'thumb' = 'full') =>
  get(`${served.origin}/image/${await served.idOf(name)}/${kind}`, { cookie: served.cookie });

/**
 * The files are changed after the folder was opened and its headers checked,
 * so the index still says "PNG image" for each: what is sent must follow the
 * file as it is now, not what the name or the index says.
 */
describe('/image/<id>/full over serve', () => {
  it('refuses a listed image that became a link to a file outside the dataset (/etc/passwd)', async () => {
    await served.open();
    rmSync(join(folder, 'b.png'));
    symlinkSync(join(tmp.path, 'passwd'), join(folder, 'b.png'));
    const answer = await image('b.png');
    expect(answer.status).toBe(403);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/);
    expect(answer.body.toString()).not.toContain('root:');
  });

  it('never lists a link to an image outside the dataset, so no image route names it (the scan skips it with the reason)', async () => {
    symlinkSync(join(tmp.path, 'private.png'), join(folder, 'elsewhere.png'));
    await served.open();
    await expect(served.idOf('elsewhere.png')).rejects.toThrow('elsewhere.png is not listed');
  });

  it('serves a link to another image of the dataset, as the scan lists it', async () => {
    symlinkSync('a.png', join(folder, 'alias.png'));
    await served.open();
    const answer = await image('alias.png');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/png');
    expect((await image('a.png')).body.equals(answer.body)).toBe(true);
  });

  it('names the type from the bytes: a .png holding a JPEG is image/jpeg', async () => {
    await served.open();
    await makeImage(join(tmp.path, 'photo.jpg'));
    copyFileSync(join(tmp.path, 'photo.jpg'), join(folder, 'b.png'));
    const answer = await image('b.png');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('image/jpeg');
    expect([...answer.body.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('refuses a file of the dataset whose bytes are no image', async () => {
    await served.open();
    writeBytes(join(folder, 'b.png'), SECRET);
    const answer = await image('b.png');
    expect(answer.status).toBe(415);
    expect(answer.body.toString()).not.toContain('root:');
  });
});

/**
 * An image's URL is its id, and an id names another picture in another
 * folder, and the file under an id may change: the browser must ask again
 * each time, and be told whether its copy is still the file.
 */
describe('image caching over serve', () => {
  it('is revalidated each time: the same file answers 304 to its tag, a changed one is sent anew', async () => {
    await served.open();
    const id = await served.idOf('a.png');
    const url = `${served.origin}/image/${id}/full`;
    const first = await get(url, { cookie: served.cookie });
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = first.headers.etag!;
    expect(etag).toBeTruthy();

    const again = await get(url, { cookie: served.cookie, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    // another picture under the same name (as another folder's image of the same id would be)
    rmSync(join(folder, 'a.png'));
    copyFileSync(join(tmp.path, 'private.png'), join(folder, 'a.png'));
    const changed = await get(url, { cookie: served.cookie, 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.equals(first.body)).toBe(false);
  });
});
