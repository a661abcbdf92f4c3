import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCaptionFile } from '../../../../src-main/core/captions/caption-file';
import { unpackReads } from '../../../../src-main/core/captions/packed-reads';
import { readCaptionSync, type CaptionReadResult } from '../../../../src-main/core/captions/read-caption-sync';
import { SIZE_NOT_KNOWN, walkFolder } from '../../../../src-main/core/scan/walk-folder';
import { makeTempDir } from '../../../support/temp-dir';
import { testThreadPools } from '../../../support/test-thread-pools';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());
const { scan: pool } = testThreadPools();

/** captions in every encoding the codec keeps, a BOM, CRLF, and names with no file behind them */
function captionBytes(i: number): Buffer | null {
  switch (i % 6) {
    case 0:
      return Buffer.from(`tag ${i}, long hair, blue eyes`);
    case 1:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`café ${i}, crème\r\n`)]);
    case 2:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`utf16 ${i}, b\r\n`, 'utf16le')]);
    case 3:
      return Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c, 0x20, 0x30 + (i % 10)]); // windows-1252 "café, n"
    case 4:
      return Buffer.alloc(0);
    default:
      return null;
  }
}

describe('bulk reads in the index and scan threads', () => {
  it('reads 600 captions exactly as readCaptionFile reads each', async () => {
    const rels: string[] = [];
    for (let i = 0; i < 600; i++) {
      const rel = `c${i}.txt`;
      rels.push(rel);
      const bytes = captionBytes(i);
      if (bytes) writeFileSync(join(tmp.path, rel), bytes);
    }
    const got = rels.map((rel) => {
      const read = readCaptionSync(join(tmp.path, rel));
      return read.ok ? read.snapshot : read;
    });
    for (let i = 0; i < rels.length; i++) {
      const one = await readCaptionFile(join(tmp.path, rels[i]!));
      expect(got[i]).toEqual({ ...one, bytes: null });
    }
  });

  it('gives a folder or a named pipe under a caption name its reason, without waiting on the pipe', async () => {
    const rels = Array.from({ length: 300 }, (_, i) => `c${i}.txt`);
    rels.forEach((rel, i) => writeFileSync(join(tmp.path, rel), `tag ${i}`));
    rmSync(join(tmp.path, 'c7.txt'));
    mkdirSync(join(tmp.path, 'c7.txt'));
    rmSync(join(tmp.path, 'c8.txt'));
    execFileSync('mkfifo', [join(tmp.path, 'c8.txt')]);
    const got: CaptionReadResult[] = rels.map((rel) => readCaptionSync(join(tmp.path, rel)));
    expect(got[7]).toEqual({ ok: false, reason: 'it is a folder, not a file' });
    expect(got[8]).toEqual({ ok: false, reason: 'it is a named pipe, not a file' });
    expect(got.filter((r) => r.ok).length).toBe(298);
  });

  it('stats a folder of 2,500 files in the workers as the OS reports them', async () => {
    const dir = join(tmp.path, 'many');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    for (let i = 0; i < 2500; i++) writeFileSync(join(dir, i % 10 === 0 ? `sub/i${i}.jpg` : `i${i}.${i % 2 ? 'txt' : 'png'}`), 'x'.repeat(i % 7));
    // extensions in any case; a name that only ends in txt is neither
    for (const name of ['Upper.JPG', 'Upper.TXT', 'sub/Mixed.Txt', 'notes_txt', 'extxt']) writeFileSync(join(dir, name), 'y');
    const listing = await walkFolder(dir, { recursive: true, pool, workerThreshold: 1000 });
    expect(await walkFolder(dir, { recursive: true, pool })).toEqual(listing);
    // the index thread's walk, listed and stat-ed with blocking calls, finds the same (in the directory's own order, which may differ)
    const blocking = await walkFolder(dir, { recursive: true, blocking: true });
    const byName = (l: typeof listing) => [...l.images, ...l.texts.values()].sort((a, b) => a.rel.localeCompare(b.rel));
    expect(byName(blocking)).toEqual(byName(listing));
    expect(listing.images.length + listing.texts.size).toBe(2503);
    expect([...listing.texts.keys()].filter((rel) => /^(Upper|sub\/Mixed)/.test(rel)).sort()).toEqual(['Upper.TXT', 'sub/Mixed.Txt']);
    for (const f of [...listing.images, ...listing.texts.values()]) {
      const s = statSync(join(dir, f.rel));
      expect([f.size, f.mtimeMs]).toEqual([s.size, s.mtimeMs]);
    }
    expect(listing.images.some((f) => f.rel === 'sub/i0.jpg')).toBe(true);

    // the index thread with a scan thread sharing its stats finds the same
    const shared = await walkFolder(dir, { recursive: true, blocking: true, pool });
    expect(byName(shared)).toEqual(byName(listing));
    // told not to stat captions (a sync that reads them all), it stats the images only, and names every caption
    const namesOnly = await walkFolder(dir, { recursive: true, blocking: true, pool, statTexts: false });
    expect(namesOnly.images.sort((a, b) => a.rel.localeCompare(b.rel))).toEqual(byName(listing).filter((f) => !/\.txt$/i.test(f.rel)));
    expect([...namesOnly.texts.values()].sort((a, b) => a.rel.localeCompare(b.rel))).toEqual(
      byName(listing)
        .filter((f) => /\.txt$/i.test(f.rel))
        .map((f) => ({ rel: f.rel, size: SIZE_NOT_KNOWN, mtimeMs: 0 })),
    );
  });

  it('reads captions in a scan thread exactly as the index thread reads them', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 300; i++) {
      const path = join(tmp.path, `c${i}.txt`);
      paths.push(path);
      const bytes = captionBytes(i);
      if (bytes) writeFileSync(path, bytes);
    }
    rmSync(paths[4]!, { force: true });
    mkdirSync(paths[4]!);
    expect(unpackReads(await pool.call('readCaptions', { paths }))).toEqual(paths.map(readCaptionSync));
  });
});
