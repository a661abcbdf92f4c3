import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOptionsSchema } from '../../../../src-shared/contract/export';
import { runExport, type ExportSource } from '../../../../src-main/core/export';
import { solid, tempDir, walk, writeDataset } from '../../../fixtures/export/fixture-images';
import { testThreadPools } from '../../../support/test-thread-pools';

const { export: pool } = testThreadPools();

let work: string;
let sources: ExportSource[];
beforeAll(async () => {
  work = await tempDir('safety');
  const data = await solid(64, 64, [200, 10, 10]).png().toBuffer();
  sources = await writeDataset(
    join(work, 'dataset'),
    Array.from({ length: 40 }, (_, i) => ({ rel: `img-${i}.png`, data, caption: `tag ${i}` })),
  );
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** every name in `dir` that belongs to an export at `base` (the destination or a partial beside it) */
const leftovers = async (dir: string, base: string) => (await readdir(dir)).filter((n) => n.startsWith(base));

const opts = (kind: 'folder' | 'zip', path: string) =>
  exportOptionsSchema.parse({ target: 'civitai', out: { kind, path } });

describe('cancel and failure', () => {
  for (const kind of ['zip', 'folder'] as const) {
    it(`a ${kind} export cancelled after its first progress event leaves nothing behind`, async () => {
      const dir = join(work, `cancel-${kind}`);
      await mkdir(dir);
      const base = kind === 'zip' ? 'out.zip' : 'out';
      const controller = new AbortController();
      let events = 0;
      const run = runExport(pool, sources, 'tags', opts(kind, join(dir, base)), {
        signal: controller.signal,
        onProgress: () => {
          if (events++ === 0) controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ code: 'cancelled' });
      expect(events).toBeGreaterThan(0);
      expect(await leftovers(dir, base)).toEqual([]);
    });
  }

  it('a zip export cancelled while the zip is written leaves nothing behind', async () => {
    const dir = join(work, 'cancel-zipping');
    await mkdir(dir);
    const controller = new AbortController();
    let zipping = false;
    const run = runExport(pool, sources, 'tags', opts('zip', join(dir, 'out.zip')), {
      signal: controller.signal,
      onProgress: (_done, _total, label) => {
        if (label === 'Writing the zip' && !zipping) {
          zipping = true;
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(zipping).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a failed export removes its partial output and leaves the destination empty', async () => {
    const dir = join(work, 'fail');
    await mkdir(dir);
    const run = runExport(pool, sources, 'tags', opts('zip', join(dir, 'out.zip')), {
      onProgress: () => {
        throw new Error('the disk went away');
      },
    });
    await expect(run).rejects.toThrow('the disk went away');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('destination', () => {
  it('refuses a folder that is not empty, and leaves it as it was', async () => {
    const out = join(work, 'busy');
    await mkdir(out);
    await writeFile(join(out, 'other.png'), 'someone else');
    await expect(runExport(pool, sources, 'tags', opts('folder', out))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('is not empty'),
    });
    expect(await walk(out)).toEqual(['other.png']);
    expect(await leftovers(work, 'busy')).toEqual(['busy']);
  });

  it('refuses an existing zip', async () => {
    const zip = join(work, 'taken.zip');
    await writeFile(zip, 'PK old');
    await expect(runExport(pool, sources, 'tags', opts('zip', zip))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('fills an empty folder the user picked', async () => {
    const out = join(work, 'empty');
    await mkdir(out);
    const summary = await runExport(pool, sources, 'tags', opts('folder', out));
    expect(summary.written).toBe(40);
    // 40 images, 40 captions and the marker that keeps a scan out (export-marker.ts)
    expect(await walk(out)).toHaveLength(81);
    expect(await walk(out)).toContain('.lora-tagger-export');
    expect(await leftovers(work, 'empty')).toEqual(['empty']);
  });

  it('refuses a place inside the dataset folder, a relative path, and a zip not named .zip', async () => {
    await expect(runExport(pool, sources, 'tags', opts('folder', join(work, 'dataset', 'export')))).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('outside the dataset folder'),
    });
    await expect(runExport(pool, sources, 'tags', opts('folder', 'relative/out'))).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(runExport(pool, sources, 'tags', opts('zip', join(work, 'x.tar')))).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('refuses a destination whose parent folder does not exist', async () => {
    await expect(runExport(pool, sources, 'tags', opts('folder', join(work, 'no', 'such', 'out')))).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('refuses an export where every image is marked to skip', async () => {
    const all = sources.map((s) => ({ ...s, skip: true }));
    await expect(runExport(pool, all, 'tags', opts('folder', join(work, 'none')))).rejects.toMatchObject({ code: 'no-images' });
    expect(await leftovers(work, 'none')).toEqual([]);
  });
});
