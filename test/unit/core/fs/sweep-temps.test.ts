import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMP_MAX_AGE_MS, sweepStaleTemps } from '../../../../src-main/core/fs/sweep-temps';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sweep-temps-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const OURS_OLD = '.img_001.txt.0123456789abcdef.tmp';
const OURS_NEW = '.img_002.txt.fedcba9876543210.tmp';

async function put(name: string, ageMs: number): Promise<void> {
  await writeFile(join(dir, name), 'x');
  const t = (Date.now() - ageMs) / 1000;
  await utimes(join(dir, name), t, t);
}

describe('sweepStaleTemps', () => {
  beforeEach(async () => {
    await put(OURS_OLD, DEFAULT_TEMP_MAX_AGE_MS * 2);
    await put(OURS_NEW, 0);
    // not ours: the user's own hidden and .tmp files, a caption, a folder with our shape
    await put('.hidden.tmp', DEFAULT_TEMP_MAX_AGE_MS * 2);
    await put('.a.txt.0123.tmp', DEFAULT_TEMP_MAX_AGE_MS * 2);
    await put('notes.0123456789abcdef.tmp', DEFAULT_TEMP_MAX_AGE_MS * 2);
    await put('img_001.txt', DEFAULT_TEMP_MAX_AGE_MS * 2);
    await mkdir(join(dir, '.sub.0123456789abcdef.tmp'));
  });

  it('by default removes only our temps old enough to belong to a dead writer', async () => {
    expect(await sweepStaleTemps(dir)).toEqual([OURS_OLD]);
    expect((await readdir(dir)).sort()).toEqual(
      ['.a.txt.0123.tmp', '.hidden.tmp', '.sub.0123456789abcdef.tmp', OURS_NEW, 'img_001.txt', 'notes.0123456789abcdef.tmp'].sort(),
    );
  });

  it('with olderThanMs 0 removes all of ours, whatever their age, and nothing else', async () => {
    expect((await sweepStaleTemps(dir, { olderThanMs: 0 })).sort()).toEqual([OURS_OLD, OURS_NEW].sort());
    expect((await readdir(dir)).sort()).toEqual(
      ['.a.txt.0123.tmp', '.hidden.tmp', '.sub.0123456789abcdef.tmp', 'img_001.txt', 'notes.0123456789abcdef.tmp'].sort(),
    );
  });

  it('throws when the folder cannot be listed', async () => {
    await expect(sweepStaleTemps(join(dir, 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
