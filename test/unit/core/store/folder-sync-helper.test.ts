import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ThreadPool } from '../../../../src-main/core/perf/thread-pool';
import type { ScanProtocol } from '../../../../src-main/core/scan/scan-protocol';
import { FolderSync, unpackPage, type FolderSyncSummary, type SyncedImage } from '../../../../src-main/core/store/folder-sync';
import { IndexDatabase } from '../../../../src-main/core/store/index-database';
import { makeTempDir } from '../../../support/temp-dir';
import { testThreadPools } from '../../../support/test-thread-pools';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());
const { scan } = testThreadPools();

const IMAGES = 3000;

/** a folder whose captions are of every kind a sync meets: several encodings, empty, missing, a folder and a pipe under a caption's name */
function makeFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < IMAGES; i++) {
    // the sync does not look inside images: any bytes will do
    writeFileSync(join(dir, `img${i}.jpg`), 'x'.repeat(i % 13));
    const caption = join(dir, `img${i}.txt`);
    if (i % 5 === 1) writeFileSync(caption, Buffer.from(`\ufeffutf16 ${i}, b\r\n`, 'utf16le'));
    else if (i % 5 === 2) writeFileSync(caption, '');
    else if (i % 5 !== 3) writeFileSync(caption, `tag ${i}, shared`);
  }
  mkdirSync(join(dir, 'img1003.txt'));
  execFileSync('mkfifo', [join(dir, 'img2003.txt')]);
}

/** a sync of `dir` into a fresh index, and its whole list as main receives it */
async function syncWith(dir: string, helper: ThreadPool<ScanProtocol> | null, db = openIndex(dir)) {
  const folder = new FolderSync(db, () => helper);
  const summary = await folder.syncFolder(dir, { recursive: false, reorder: false });
  const images: SyncedImage[] = [];
  for (let start = 0; start < summary.images; start += 2000) images.push(...unpackPage(folder.syncedPage(start, 2000)));
  return { db, folder, summary, images, captions: db.allCaptions() };
}

function openIndex(dir: string): IndexDatabase {
  mkdirSync(join(dir, '.lora-tagger'), { recursive: true });
  return IndexDatabase.open(join(dir, '.lora-tagger', 'session.sqlite'));
}

/** a scan thread that is gone: every request fails */
const deadHelper: ThreadPool<ScanProtocol> = {
  threads: 1,
  call: () => Promise.reject(new Error('the worker thread exited')),
  destroy: async () => undefined,
};

describe('a folder sync that shares its reads with a scan thread', () => {
  it('lists, reads and stores exactly what the index thread alone does, and the next sync reads nothing again', async () => {
    const alone = join(tmp.path, 'alone');
    const helped = join(tmp.path, 'helped');
    makeFolder(alone);
    makeFolder(helped);
    const a = await syncWith(alone, null);
    const b = await syncWith(helped, scan);

    const withoutTimes = (s: FolderSyncSummary) => ({ ...s, unreadable: s.unreadable.map((u) => u.name) });
    expect(withoutTimes(b.summary)).toEqual(withoutTimes(a.summary));
    expect(b.summary).toMatchObject({ images: IMAGES, added: IMAGES, captionsRead: IMAGES });
    expect(b.summary.unreadable.map((u) => u.name)).toEqual(['img1003.txt', 'img2003.txt']);
    const comparable = (images: SyncedImage[]) =>
      images.map(({ row, caption, readError }) => ({ rel: row.relPath, imageSize: row.size, caption: { ...caption, imageId: 0, mtimeMs: 0 }, readError }));
    expect(comparable(b.images)).toEqual(comparable(a.images));
    expect(b.images[1]!.caption).toMatchObject({ text: 'utf16 1, b', encoding: 'utf16le', bom: true, lineEnding: 'crlf' });
    expect(b.images[3]!.caption).toMatchObject({ onDisk: false, text: '' });
    expect(b.images[1003]!.readError).toBe('it is a folder, not a file');
    const stored = (captions: ReturnType<IndexDatabase['allCaptions']>) => captions.map(({ imageId: _, mtimeMs: __, ...rest }) => rest);
    expect(stored(b.captions)).toEqual(stored(a.captions));
    // no caption of an unreadable file is stored: the next sync reads it again
    expect(b.captions).toHaveLength(IMAGES - 2);

    // the walk did not stat the captions: each stored size and mtime is the file's own
    const byId = new Map(b.images.map((image) => [image.row.id, image]));
    for (const caption of b.captions.filter((c) => c.onDisk)) {
      const s = statSync(join(helped, byId.get(caption.imageId)!.captionRel));
      expect([caption.size, caption.mtimeMs]).toEqual([s.size, s.mtimeMs]);
    }
    const again = await b.folder.syncFolder(helped, { recursive: false, reorder: false, changesOnly: true });
    expect(again).toMatchObject({ added: 0, changed: 0, captionsRead: 2 });
    b.db.close();
    a.db.close();
  });

  it('does the reads itself when the scan thread fails, and loses none', async () => {
    const dir = join(tmp.path, 'folder');
    makeFolder(dir);
    const { images, captions, db } = await syncWith(dir, deadHelper);
    expect(images).toHaveLength(IMAGES);
    expect(images[0]!.caption.text).toBe('tag 0, shared');
    expect(images[IMAGES - 1]!.caption.text).toBe(`tag ${IMAGES - 1}, shared`);
    expect(captions).toHaveLength(IMAGES - 2);
    db.close();
  });

  it('fails when the index cannot store the captions, though the scan thread read them', async () => {
    const dir = join(tmp.path, 'folder');
    makeFolder(dir);
    const db = openIndex(dir);
    db.upsertCaptions = () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    await expect(syncWith(dir, scan, db)).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    db.close();
  });
});
