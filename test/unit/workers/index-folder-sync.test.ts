import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionStore } from '../../../src-main/core/store/session-store';
import { TagCounter } from '../../../src-main/core/vocabulary/tag-counter';
import { parseTags } from '../../../src-shared/tag-text';
import type { SyncedImage } from '../../../src-main/core/store/folder-sync';
import { IndexThread } from '../../../src-main/workers/index-thread';
import { makeImages } from '../../support/make-images';
import { makeTempDir } from '../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

async function openStore(dir: string): Promise<SessionStore> {
  mkdirSync(join(dir, '.lora-tagger'), { recursive: true });
  return new SessionStore(await IndexThread.open(join(dir, '.lora-tagger', 'session.sqlite')));
}

/** the synced list as main receives it, page after page */
async function sync(store: SessionStore, dir: string, options: { signal?: AbortSignal; changesOnly?: boolean; onProgress?: (done: number, total: number) => void } = {}) {
  const pages: SyncedImage[][] = [];
  const summary = await store.syncFolder(dir, { recursive: true, reorder: false, ...options }, (page) => void pages.push(page));
  return { summary, pages, images: pages.flat() };
}

describe('the folder sync on the index thread', () => {
  it('lists a folder in natural order with its captions, in pages, and reads again only the captions that changed', async () => {
    const dir = tmp.path;
    await makeImages(dir, Array.from({ length: 2500 }, (_, i) => `img${i + 1}.png`));
    for (let i = 1; i <= 2500; i++) writeFileSync(join(dir, `img${i}.txt`), `tag ${i}, shared`);
    writeFileSync(join(dir, 'img7.txt'), Buffer.from('\ufeffé, ü', 'utf16le'));
    const store = await openStore(dir);
    const progress: [number, number][] = [];

    const first = await sync(store, dir, { onProgress: (done, total) => progress.push([done, total]) });
    expect(first.summary).toMatchObject({ images: 2500, added: 2500, removed: 0, captionsRead: 2500, unreadable: [] });
    expect(first.pages.map((p) => p.length)).toEqual([2000, 500]);
    expect(first.images.slice(0, 3).map((i) => i.row.relPath)).toEqual(['img1.png', 'img2.png', 'img3.png']);
    expect(first.images[1]).toMatchObject({ captionRel: 'img2.txt', caption: { text: 'tag 2, shared', onDisk: true, encoding: 'utf8' } });
    expect(first.images[6]!.caption).toMatchObject({ text: 'é, ü', encoding: 'utf16le', bom: true });
    expect(new Set(first.images.map((i) => i.row.id)).size).toBe(2500);
    expect(progress.at(-1)).toEqual([2500, 2500]);
    const indexedPages: SyncedImage[][] = [];
    const counted = new TagCounter();
    await store.indexed((page, tags) => {
      indexedPages.push(page);
      counted.addCounts(tags);
    });
    expect(indexedPages.map((p) => p.length)).toEqual([2000, 500]);
    expect(indexedPages.flat()).toEqual(first.images);
    // the thread's counts are what main would count from the same captions
    const parsed = new TagCounter();
    for (const image of first.images) parsed.addAll(parseTags(image.caption.text));
    expect(new Map(counted.map)).toEqual(new Map(parsed.map));
    expect(counted.count('shared')).toBe(2499);

    writeFileSync(join(dir, 'img2.txt'), 'changed');
    utimesSync(join(dir, 'img2.txt'), new Date(), new Date(Date.now() + 5000));
    const again = await sync(store, dir);
    expect(again.summary).toMatchObject({ images: 2500, added: 0, removed: 0, captionsRead: 1 });
    expect(again.images[1]!.caption.text).toBe('changed');
    expect(again.images.map((i) => i.row.id)).toEqual(first.images.map((i) => i.row.id));
    await store.close();
  });

  it('gives the indexed list without the folder, and a sync of changes only the images that changed, or the whole list when images came or went', async () => {
    const dir = tmp.path;
    await makeImages(dir, ['a.png', 'b.png', 'c.png', 'x.png']);
    for (const n of ['a', 'b', 'c']) writeFileSync(join(dir, `${n}.txt`), `tag ${n}`); // x.png has none
    const store = await openStore(dir);
    const first = await sync(store, dir);

    // another program changes b's caption: the index does not know yet
    writeFileSync(join(dir, 'b.txt'), 'changed elsewhere');
    utimesSync(join(dir, 'b.txt'), new Date(), new Date(Date.now() + 5000));
    const pages: SyncedImage[][] = [];
    const indexed = await store.indexed((page) => void pages.push(page));
    expect(indexed).toMatchObject({ images: 4, complete: true, captionsRead: 0 });
    expect(pages.flat()).toEqual(first.images);

    const changes = await sync(store, dir, { changesOnly: true });
    expect(changes.summary).toMatchObject({ images: 1, complete: false, added: 0, removed: 0, changed: 0, captionsRead: 1 });
    expect(changes.images.map((i) => [i.row.relPath, i.caption.text])).toEqual([['b.png', 'changed elsewhere']]);

    const nothing = await sync(store, dir, { changesOnly: true });
    expect(nothing.summary).toMatchObject({ images: 0, complete: false, captionsRead: 0 });

    await makeImages(dir, ['d.png']);
    const grown = await sync(store, dir, { changesOnly: true });
    expect(grown.summary).toMatchObject({ images: 5, complete: true, added: 1 });
    expect(grown.images.map((i) => i.row.relPath)).toEqual(['a.png', 'b.png', 'c.png', 'd.png', 'x.png']);
    await store.close();
  });

  it('answers what was asked after a sync only once the sync is done, so it sees the synced index', async () => {
    const dir = tmp.path;
    await makeImages(dir, ['b.png', 'a.png']);
    const store = await openStore(dir);
    const synced = sync(store, dir);
    const images = await store.index.call('allImages');
    expect(images.map((r) => r.relPath)).toEqual(['a.png', 'b.png']);
    await synced;
    await store.close();
  });

  it('a caption it cannot read keeps its image listed, with the reason, and is not stored', async () => {
    const dir = tmp.path;
    await makeImages(dir, ['a.png', 'b.png']);
    mkdirSync(join(dir, 'a.txt'));
    const store = await openStore(dir);
    const { images, summary } = await sync(store, dir);
    expect(images.map((i) => i.row.relPath)).toEqual(['a.png', 'b.png']);
    expect(images[0]!.readError).toMatch(/folder/);
    expect(summary.unreadable).toEqual([{ name: 'a.txt', reason: expect.stringContaining('caption cannot be read') }]);
    expect((await store.index.call('allCaptions')).map((c) => c.imageId)).toEqual([images[1]!.row.id]);
    await store.close();
  });

  it('stops when cancelled, with the signal’s reason, and the index takes the next sync as usual', async () => {
    const dir = tmp.path;
    await makeImages(dir, Array.from({ length: 1500 }, (_, i) => `img${i}.png`));
    for (let i = 0; i < 1500; i++) writeFileSync(join(dir, `img${i}.txt`), `t${i}`);
    const store = await openStore(dir);
    const cancel = new AbortController();
    const cancelled = sync(store, dir, { signal: cancel.signal });
    setTimeout(() => cancel.abort(new Error('stop now')), 1);
    await expect(cancelled).rejects.toThrow('stop now');
    // stopped before its caption reads were stored
    expect(await store.index.call('allCaptions')).toEqual([]);
    const { summary, images } = await sync(store, dir);
    expect(summary.images).toBe(1500);
    expect(images.every((i) => i.caption.text === `t${i.row.relPath.slice(3, -4)}`)).toBe(true);
    await store.close();
  });
});
