import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncedImage } from '../../../src-main/core/store/folder-sync';
import { SessionStore } from '../../../src-main/core/store/session-store';
import { TagCounter } from '../../../src-main/core/vocabulary/tag-counter';
import { IndexThread } from '../../../src-main/workers/index-thread';
import { parseTags } from '../../../src-shared/tag-text';
import { makeImages } from '../../support/make-images';
import { makeTempDir } from '../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const dbPath = (dir: string) => join(dir, '.lora-tagger', 'session.sqlite');

async function openStore(dir: string): Promise<SessionStore> {
  mkdirSync(join(dir, '.lora-tagger'), { recursive: true });
  return new SessionStore(await IndexThread.open(dbPath(dir)));
}

/** the indexed list as main takes it: the images, the counts the pages carried, and which pages carried any */
async function indexed(store: SessionStore) {
  const images: SyncedImage[] = [];
  const counted = new TagCounter();
  const carried: boolean[] = [];
  await store.indexed((page, tags) => {
    images.push(...page);
    counted.addCounts(tags);
    carried.push(tags.length > 0);
  });
  return { images, counts: new Map(counted.map), carried };
}

/** what main counts from the same captions */
function recount(images: readonly SyncedImage[]): Map<string, number> {
  const counter = new TagCounter();
  for (const image of images) counter.addAll(parseTags(image.caption.text));
  return new Map(counter.map);
}

describe('the tag counts the index keeps for a reopen', () => {
  it('are built by a list read whole, sent with the first page, and kept through the index’s own caption writes', async () => {
    const dir = tmp.path;
    await makeImages(dir, Array.from({ length: 2100 }, (_, i) => `img${i + 1}.png`));
    for (let i = 1; i <= 2100; i++) writeFileSync(join(dir, `img${i}.txt`), `tag ${i % 7}, shared, shared`);
    const store = await openStore(dir);
    await store.syncFolder(dir, { recursive: true, reorder: false }, () => undefined);

    // the sync's list was read whole: the reopen's first page carries every count, the second none
    let list = await indexed(store);
    expect(list.carried).toEqual([true, false]);
    expect(list.counts).toEqual(recount(list.images));
    expect(list.counts.get('shared')).toBe(2100);

    // edits as the caption editor stores them: one image twice in one call, one caption emptied
    const [a, b] = list.images;
    await store.upsertCaptions([
      { ...a!.caption, text: 'fresh, shared' },
      { ...a!.caption, text: 'fresh, fresh, newer' },
      { ...b!.caption, text: '' },
    ]);
    list = await indexed(store);
    expect(list.carried).toEqual([true, false]);
    expect(list.images[0]!.caption.text).toBe('fresh, fresh, newer');
    expect(list.counts).toEqual(recount(list.images));
    expect(list.counts.get('shared')).toBe(2098);
    expect(list.counts.get('fresh')).toBe(1);
    await store.close();
  });

  it('are dropped by any other change to a caption, and counted again by the next list read whole', async () => {
    const dir = tmp.path;
    await makeImages(dir, Array.from({ length: 2100 }, (_, i) => `img${i + 1}.png`));
    for (let i = 1; i <= 2100; i++) writeFileSync(join(dir, `img${i}.txt`), `tag ${i % 7}, shared`);
    let store = await openStore(dir);
    await store.syncFolder(dir, { recursive: true, reorder: false }, () => undefined);
    const before = await indexed(store);
    await store.close();

    // another program (or an older LoRA Tagger) changes the index behind the kept counts
    const db = new Database(dbPath(dir));
    db.prepare("UPDATE captions SET text = 'elsewhere' WHERE image_id = ?").run(before.images[0]!.row.id);
    db.prepare('DELETE FROM images WHERE id = ?').run(before.images[1]!.row.id);
    db.close();

    store = await openStore(dir);
    let list = await indexed(store);
    expect(list.carried).toEqual([true, true]);
    expect(list.images).toHaveLength(2099);
    expect(list.counts).toEqual(recount(list.images));
    expect(list.counts.get('elsewhere')).toBe(1);
    expect(list.counts.get('shared')).toBe(2098);
    // that reading kept them again
    list = await indexed(store);
    expect(list.carried).toEqual([true, false]);
    expect(list.counts).toEqual(recount(list.images));
    await store.close();
  });

  it('are not kept from a sync with a caption it could not read, nor from a list left part way and a sync of changes only after it', async () => {
    const dir = tmp.path;
    await makeImages(dir, Array.from({ length: 2100 }, (_, i) => `img${i + 1}.png`));
    for (let i = 1; i <= 2100; i++) if (i !== 5) writeFileSync(join(dir, `img${i}.txt`), `tag ${i % 7}`);
    mkdirSync(join(dir, 'img5.txt')); // not a file: cannot be read
    const store = await openStore(dir);
    await store.syncFolder(dir, { recursive: true, reorder: false }, () => undefined);

    // not kept by that sync: the next list read from the index counts its pages, and is left after its first
    const { images } = await store.index.call('indexed');
    expect(images).toBe(2100);
    const first = await store.index.call('syncedPage', 0, 1000);
    expect(new Map(first.tags).get('tag 2')).toBe(143); // of img1–img1000; 300 in all
    // then a sync of changes only pages an image whose file changed, and img5 (read again every time), and writes
    // no caption: what it counts is not all
    await makeImages(dir, ['img9.png'], { width: 9 });
    const changed = await store.syncFolder(dir, { recursive: true, reorder: false, changesOnly: true }, () => undefined);
    expect(changed).toMatchObject({ images: 2, complete: false, changed: 1 });
    const list = await indexed(store);
    expect(list.carried).toEqual([true, true]);
    expect(list.counts).toEqual(recount(list.images));
    expect(list.counts.get('tag 2')).toBe(300);
    await store.close();
  });
});
