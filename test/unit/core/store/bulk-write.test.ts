import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeProbePool } from '../../../../src-main/core/scan/probe-images';
import { captionParams, imageParams, writeBatchHere, type CopyRecord, type RowBatch } from '../../../../src-main/core/store/bulk-rows';
import { openDatabase } from '../../../../src-main/core/store/open-database';
import { SessionStore, type CaptionRow, type WriteElsewhere } from '../../../../src-main/core/store/session-store';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
const stores: SessionStore[] = [];
beforeEach(() => (tmp = makeTempDir()));
afterEach(async () => {
  for (const store of stores.splice(0)) await store.closeOffThread();
  tmp.cleanup();
});
afterAll(() => closeProbePool());

const path = () => join(tmp.path, 'session.sqlite');
const open = (writer?: WriteElsewhere | null): SessionStore => {
  const store = writer === undefined ? new SessionStore(openDatabase(path())) : new SessionStore(openDatabase(path()), writer);
  stores.push(store);
  return store;
};
const images = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ relPath: `i${i}.png`, ord: i, size: i + 1, mtimeMs: 1000 + i, width: 64, height: 48, format: 'png', probed: i % 2 === 0 }));
const caption = (imageId: number): CaptionRow => ({
  imageId,
  onDisk: true,
  fingerprint: `f${imageId}`,
  size: 12,
  mtimeMs: 5,
  encoding: 'utf16le',
  bom: imageId % 2 === 0,
  lineEnding: 'crlf',
  text: `tag ${imageId}, “quoted”, 日本語`,
});

/** what another connection reads from the file: what is on disk, whoever wrote it */
function onDisk(): { images: unknown[]; captions: unknown[] } {
  const db = new Database(path(), { readonly: true });
  try {
    return {
      images: db.prepare('SELECT id, rel_path, ord, size, mtime_ms, width, height, format, probed FROM images ORDER BY id').all(),
      captions: db.prepare('SELECT * FROM captions ORDER BY image_id').all(),
    };
  } finally {
    db.close();
  }
}

describe('bulk writes of a first open', () => {
  it('writes thousands of images and captions through a worker, with the ids it returned, in order', async () => {
    const store = open();
    await store.insertImagesSliced(images(1).map((r) => ({ ...r, relPath: 'already.png' })));
    const ids = await store.insertImagesSliced(images(4500));
    expect(ids).toEqual(Array.from({ length: 4500 }, (_, i) => i + 2));
    await store.upsertCaptionsSliced(ids.map(caption));

    const disk = onDisk();
    expect(disk.images).toHaveLength(4501);
    expect(disk.images[4500]).toEqual({ id: 4501, rel_path: 'i4499.png', ord: 4499, size: 4500, mtime_ms: 5499, width: 64, height: 48, format: 'png', probed: 0 });
    expect(disk.captions).toHaveLength(4500);
    expect(store.captions().find((c) => c.imageId === 4501)).toEqual(caption(4501));
    // the main connection sees them, and goes on numbering after them
    expect(store.images()).toHaveLength(4501);
    expect(await store.insertImagesSliced(images(1).map((r) => ({ ...r, relPath: 'next.png' })))).toEqual([4502]);
  });

  it('writes the rest on the main connection when a worker fails part-way, each row once', async () => {
    let calls = 0;
    const failsSecond: WriteElsewhere = async (dbPath, batch) => {
      if (++calls === 2) throw new Error('worker gone');
      return writeBatchHere(dbPath, batch);
    };
    const store = open(failsSecond);
    const ids = await store.insertImagesSliced(images(5000));
    await store.upsertCaptionsSliced(ids.map(caption));
    expect(calls).toBe(2); // after one failure, no worker is asked again
    const disk = onDisk();
    expect(disk.images.map((r) => (r as { id: number }).id)).toEqual(ids);
    expect(disk.captions).toHaveLength(5000);
    expect(store.captions()[4999]).toEqual(caption(5000));
  });

  it('keeps a few rows on the main connection: no worker is asked', async () => {
    const asked: RowBatch[] = [];
    const store = open(async (_, batch) => void asked.push(batch));
    const ids = await store.insertImagesSliced(images(10));
    await store.upsertCaptionsSliced(ids.map(caption));
    expect(asked).toEqual([]);
    expect(onDisk().captions).toHaveLength(10);
  });

  it('stops between batches once cancelled, leaving whole batches behind', async () => {
    const controller = new AbortController();
    let calls = 0;
    const store = open(async (dbPath, batch) => {
      writeBatchHere(dbPath, batch);
      if (++calls === 1) controller.abort();
    });
    await expect(store.insertImagesSliced(images(5000), controller.signal)).rejects.toThrow(/abort/i);
    expect(onDisk().images).toHaveLength(2000);
  });

  it('refuses a caption for an image that is not there, as the main connection does', () => {
    open(null);
    const batch: RowBatch = { table: 'captions', rows: [{ ...caption(77), onDisk: 1, bom: 0 }] };
    expect(() => writeBatchHere(path(), batch)).toThrow(/FOREIGN KEY/);
    expect(onDisk().captions).toEqual([]);
  });
});

describe('an import\'s copies, recorded', () => {
  const planned = (store: SessionStore, names: string[]) =>
    store.addImports(names.map((n) => ({ sourceRel: `src/${n}`, size: 1, mtimeMs: 1, imageRel: n, copied: false })));
  const copied = (name: string, kept = false): CopyRecord => ({
    sourceRel: `src/${name}`,
    added: kept
      ? null
      : {
          image: imageParams({ relPath: name, ord: 0, size: 10, mtimeMs: 2, width: 64, height: 48, format: 'png', probed: true }, null),
          caption: captionParams({ ...caption(0), text: '', size: 0, encoding: 'utf8', bom: false, lineEnding: 'none' }),
        },
  });

  it('confirms each copy and adds its image and caption, under that image\'s id', async () => {
    const store = open();
    await store.insertImagesSliced(images(1).map((r) => ({ ...r, relPath: 'already.png' })));
    planned(store, ['a.png', 'b.png', 'c.png']);
    await store.recordCopies([copied('a.png'), copied('b.png', true), copied('c.png')]);
    expect(store.imports().map((r) => [r.imageRel, r.copied])).toEqual([
      ['a.png', true],
      ['b.png', true],
      ['c.png', true],
    ]);
    const disk = onDisk();
    // a kept copy is left to the sync that follows; each caption belongs to its own image
    expect(disk.images.map((r) => (r as { rel_path: string }).rel_path)).toEqual(['already.png', 'a.png', 'c.png']);
    expect(disk.captions.map((c) => (c as { image_id: number }).image_id)).toEqual([2, 3]);
  });

  it('records on the main connection when the worker fails, and when there is none', async () => {
    const failing = open(async () => {
      throw new Error('worker gone');
    });
    planned(failing, ['a.png']);
    await failing.recordCopies([copied('a.png')]);
    expect(failing.imports()[0]!.copied).toBe(true);
    expect(failing.images().map((r) => r.relPath)).toEqual(['a.png']);
    expect(failing.captions()).toHaveLength(1);
  });
});
