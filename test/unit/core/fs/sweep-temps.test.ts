import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMP_MAX_AGE_MS, sweepStaleTemps, sweepStaleTempsIn } from '../../../../src-main/core/fs/sweep-temps';
import { tempPathFor } from '../../../../src-main/core/fs/temp-name';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sweep-temps-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const OURS_OLD = '.lora-tagger-0123456789abcdef.img_001.txt.tmp';
const OURS_NEW = '.lora-tagger-fedcba9876543210.img_002.txt.tmp';
/** the shape this app's temps had before they carried its name: a user's file of that shape is the user's */
const LOOK_ALIKE = '.notes.txt.0123456789abcdef.tmp';

async function put(name: string, ageMs: number, inDir = dir): Promise<void> {
  await writeFile(join(inDir, name), 'x');
  const t = (Date.now() - ageMs) / 1000;
  await utimes(join(inDir, name), t, t);
}

describe('sweepStaleTemps', () => {
  beforeEach(async () => {
    await put(OURS_OLD, DEFAULT_TEMP_MAX_AGE_MS * 2);
    await put(OURS_NEW, 0);
    // not ours: the user's own hidden and .tmp files, a caption, a folder with our shape
    await put('.hidden.tmp', DEFAULT_TEMP_MAX_AGE_MS * 2);
    await put(LOOK_ALIKE, DEFAULT_TEMP_MAX_AGE_MS * 2);
    await put('.lora-tagger-notes.tmp', DEFAULT_TEMP_MAX_AGE_MS * 2);
    await put('notes.0123456789abcdef.tmp', DEFAULT_TEMP_MAX_AGE_MS * 2);
    await put('img_001.txt', DEFAULT_TEMP_MAX_AGE_MS * 2);
    await mkdir(join(dir, '.lora-tagger-0123456789abcdef.sub.tmp'));
  });

  it('by default removes only our temps old enough to belong to a dead writer', async () => {
    expect(await sweepStaleTemps(dir)).toEqual([OURS_OLD]);
    expect((await readdir(dir)).sort()).toEqual(
      [
        '.hidden.tmp',
        '.lora-tagger-0123456789abcdef.sub.tmp',
        '.lora-tagger-notes.tmp',
        LOOK_ALIKE,
        OURS_NEW,
        'img_001.txt',
        'notes.0123456789abcdef.tmp',
      ].sort(),
    );
  });

  it('with olderThanMs 0 removes all of ours, whatever their age, and nothing else', async () => {
    expect((await sweepStaleTemps(dir, { olderThanMs: 0 })).sort()).toEqual([OURS_OLD, OURS_NEW].sort());
    expect((await readdir(dir)).sort()).toEqual(
      ['.hidden.tmp', '.lora-tagger-0123456789abcdef.sub.tmp', '.lora-tagger-notes.tmp', LOOK_ALIKE, 'img_001.txt', 'notes.0123456789abcdef.tmp'].sort(),
    );
  });

  it('throws when the folder cannot be listed', async () => {
    await expect(sweepStaleTemps(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('tempPathFor', () => {
  it('names a temp so that only it, and no file of the user, is taken for ours', async () => {
    const temp = tempPathFor(join(dir, '10_name', 'img_001.txt'));
    expect(temp.startsWith(join(dir, '10_name', '.lora-tagger-'))).toBe(true);
    await mkdir(join(dir, '10_name'));
    await put(temp.slice(join(dir, '10_name').length + 1), DEFAULT_TEMP_MAX_AGE_MS * 2, join(dir, '10_name'));
    expect(await sweepStaleTemps(join(dir, '10_name'))).toHaveLength(1);
  });
});

describe('sweepStaleTempsIn', () => {
  it('sweeps every folder given, passes over one that is gone, and names what it removed by relative path', async () => {
    await mkdir(join(dir, '10_name'));
    await put(OURS_OLD, DEFAULT_TEMP_MAX_AGE_MS * 2);
    await put(OURS_OLD, DEFAULT_TEMP_MAX_AGE_MS * 2, join(dir, '10_name'));
    await put(OURS_NEW, 0, join(dir, '10_name'));
    await put(LOOK_ALIKE, DEFAULT_TEMP_MAX_AGE_MS * 2, join(dir, '10_name'));

    const removed = await sweepStaleTempsIn(dir, ['', 'gone', '10_name']);

    expect(removed.sort()).toEqual([OURS_OLD, `10_name/${OURS_OLD}`].sort());
    expect((await readdir(join(dir, '10_name'))).sort()).toEqual([LOOK_ALIKE, OURS_NEW].sort());
  });
});
