import { chmodSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SkippedFile } from '../../../../src-shared/contract';
import { runExportCommand } from '../../../../src-main/cli/export-command';
import { ImageService } from '../../../../src-main/core/images/image-service';
import { makeImage, makeImages } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { runFixture } from '../../../support/run-fixture';
import { makeTempDir } from '../../../support/temp-dir';
import { testThreadPools } from '../../../support/test-thread-pools';

const pools = testThreadPools();

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

describe('BMP images', () => {
  it('are listed with their size, shown as a thumbnail and a preview, and exported as PNG', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png']);
    await makeImage(join(dir, 'b.bmp'), { width: 90, height: 60, seed: 4 });
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const session = workspace.requireSession();
    await session.whenIdle();
    expect(session.info().skippedFiles).toEqual([]);
    const bmp = (await session.list()).find((i) => i.name === 'b.bmp')!;
    expect([bmp.width, bmp.height]).toEqual([90, 60]);

    const images = new ImageService(join(tmp.path, 'cache'), pools);
    const expected = await sharp({ create: { width: 1, height: 1, channels: 3, background: { r: (4 * 53) % 256, g: (4 * 97 + 40) % 256, b: (4 * 151 + 80) % 256 } } })
      .raw()
      .toBuffer();
    for (const kind of ['thumb', 'preview'] as const) {
      const served = await images.serve(session, bmp.id, kind);
      expect(served).toMatchObject({ ok: true });
      const { data, info } = await sharp((served as { path: string }).path).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([90, 60]);
      // lossy WebP: the colour within a few levels
      [...data.subarray(0, 3)].forEach((v, k) => expect(Math.abs(v - expected[k]!)).toBeLessThan(8));
    }
    await images.close();
    await workspace.shutdown();

    const out = join(tmp.path, 'export');
    const paths = { userDataDir: join(tmp.path, 'cli-data'), cacheDir: join(tmp.path, 'cli-cache'), version: 'test' };
    const command = { command: 'export', folder: dir, target: 'kohya', out, trigger: null, maxSide: null, format: 'keep', keepMetadata: false } as const;
    expect(await runExportCommand(command, paths, () => undefined, () => undefined)).toBe(0);
    const exported = await sharp(join(out, '10_dataset', 'b.png')).metadata();
    expect([exported.format, exported.width, exported.height]).toEqual(['png', 90, 60]);
  }, 60_000);
});
