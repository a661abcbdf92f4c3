import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SkippedFile } from '../../../../src-shared/contract';
import { makeImages } from '../../../support/make-images';
import { runFixture } from '../../../support/run-fixture';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** opens `dir` in a process where permissions bind, and answers what it listed and skipped */
async function openWherePermissionsBind(dir: string): Promise<{ names: string[]; skipped: SkippedFile[] }> {
  const run = await runFixture(resolve(__dirname, 'fixtures/open-and-list.ts'), [dir, tmp.path], { permissionsApply: true });
  expect(run.err).toBe('');
  return JSON.parse(run.out);
}

describe('images that cannot be read', () => {
  it('an image without read permission is skipped as "permission denied", and listed once it can be read', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png', 'locked.png']);
    chmodSync(join(dir, 'locked.png'), 0o000);
    expect(await openWherePermissionsBind(dir)).toEqual({ names: ['a.png'], skipped: [{ name: 'locked.png', reason: 'permission denied' }] });

    // permissions change without touching the mtime: the next open looks again
    chmodSync(join(dir, 'locked.png'), 0o644);
    expect(await openWherePermissionsBind(dir)).toEqual({ names: ['a.png', 'locked.png'], skipped: [] });
  }, 60_000);

  it('a subfolder that cannot be read is listed among the skipped files, with the reason', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png', '10_cat/b.png']);
    chmodSync(join(dir, '10_cat'), 0o000);
    expect(await openWherePermissionsBind(dir)).toEqual({
      names: ['a.png'],
      skipped: [{ name: '10_cat', reason: 'folder cannot be read (permission denied): the images in it are not listed' }],
    });

    chmodSync(join(dir, '10_cat'), 0o755);
    expect(await openWherePermissionsBind(dir)).toEqual({ names: ['a.png', '10_cat/b.png'], skipped: [] });
  }, 60_000);
});
