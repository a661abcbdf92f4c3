import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autotagRun, type RunImage, type RunProgress } from '../../../src-main/core/autotag/autotag-run';
import { readModelFolder } from '../../../src-main/core/autotag/model-folder';
import type { ModelTag } from '../../../src-main/core/autotag/tag-csv';
import type { ImageScore, TaggerModelSpec } from '../../../src-main/core/autotag/tagger-protocol';
import { createSelector, DEFAULT_SELECTION } from '../../../src-main/core/autotag/tag-selection';
import { createTaggerPool } from '../../../src-main/workers/tagger-pool';
import { selectedTagsCsv, TINY_TAGS, tinyModel, writeModelFolder } from '../../support/make-onnx-model';
import { makeTempDir } from '../../support/temp-dir';
import { TAGGER_IMAGES, writeBrokenImage, writeTestImage } from '../../support/tagger-images';

const temp = makeTempDir('tagger-worker-');
const pool = createTaggerPool();
const paths: Record<string, string> = {};
let spec: TaggerModelSpec;
let tags: ModelTag[];

const specFor = async (dir: string): Promise<TaggerModelSpec> => {
  const folder = await readModelFolder(dir);
  return { modelPath: folder.modelPath, tagCount: folder.tags.length, provider: 'auto', intraOpThreads: 1 };
};

beforeAll(async () => {
  const dir = await writeModelFolder(join(temp.path, 'tiny'), tinyModel());
  spec = await specFor(dir);
  tags = (await readModelFolder(dir)).tags;
  for (const image of TAGGER_IMAGES) paths[image.name] = await writeTestImage(join(temp.path, 'images'), image);
  paths['broken.png'] = writeBrokenImage(join(temp.path, 'images'));
});
afterAll(async () => {
  await pool.destroy();
  temp.cleanup();
});

async function score(model: TaggerModelSpec, names: string[]): Promise<ImageScore[]> {
  const response = await pool.run({ kind: 'score', model, paths: names.map((n) => paths[n]!) });
  if (response.kind !== 'scored') throw new Error(`${response.kind}: ${'reason' in response ? response.reason : ''}`);
  return response.scores;
}

describe('tagger worker', () => {
  it('opens the model on CPU here and reads its size and batch from the input shape', async () => {
    const response = await pool.run({ kind: 'open', model: spec });
    expect(response).toMatchObject({ kind: 'opened', model: { provider: 'cpu', layout: { size: 448, fixedBatch: null, inputName: 'input_1:0', tagCount: TINY_TAGS.length } } });
  });

  it('gives each generated image the tags worked out by hand: BGR, white padding and alpha, EXIF, centred square', async () => {
    const selector = createSelector(tags, DEFAULT_SELECTION);
    const scores = await score(spec, TAGGER_IMAGES.map((i) => i.name));
    const got = scores.map((s) => (s.ok ? selector.select(s.probabilities) : null));
    expect(got.map((g) => g?.tags.map((t) => t.name))).toEqual(TAGGER_IMAGES.map((i) => i.expected));
    expect(got.map((g) => g?.rating?.name)).toEqual(TAGGER_IMAGES.map((i) => i.rating));
  });

  it('skips an image it cannot decode with its reason, and scores the rest of the batch', async () => {
    const scores = await score(spec, ['blue-corner.png', 'broken.png', 'red-band.png']);
    expect(scores.map((s) => s.ok)).toEqual([true, false, true]);
    expect(scores[1]).toEqual({ ok: false, reason: expect.stringMatching(/truncated|not a readable image/) });
    const alone = await score(spec, ['blue-corner.png']);
    expect(scores[0]).toEqual(alone[0]); // the failed slot did not disturb its neighbours
  });

  it('fills a fixed-batch model\'s batch and runs a short last batch', async () => {
    const fixed = await specFor(await writeModelFolder(join(temp.path, 'fixed'), tinyModel({ batch: 4 })));
    const images: RunImage[] = TAGGER_IMAGES.map((i) => ({ id: i.name, path: paths[i.name]! }));
    const got = new Map<string, number>();
    const outcome = await autotagRun({ pool, model: fixed, images, batchSize: 32, onScored: (image, p) => got.set(image.id, p[4]!) });
    expect(outcome).toMatchObject({ scored: 6, failed: 0, cancelled: false, model: { layout: { fixedBatch: 4 } } });
    expect(got.get('blue-corner.png')).toBeGreaterThan(0.99);
  });
});

describe('autotag run', () => {
  const images = (): RunImage[] => [...TAGGER_IMAGES.map((i) => i.name), 'broken.png'].map((name) => ({ id: name, path: paths[name]! }));

  it('reports progress with an ETA, and every image scored or failed with its reason', async () => {
    const progress: RunProgress[] = [];
    const failed: string[] = [];
    const outcome = await autotagRun({ pool, model: spec, images: images(), batchSize: 2, onProgress: (p) => progress.push(p), onFailed: (image) => failed.push(image.id) });
    expect(outcome).toMatchObject({ scored: 6, failed: 1, skipped: 0, cancelled: false });
    expect(failed).toEqual(['broken.png']);
    expect(progress.map((p) => p.done)).toEqual([0, 2, 4, 6, 7]);
    expect(progress[0]!.etaMs).toBeNull();
    expect(progress.at(-1)!.etaMs).toBe(0);
  });

  it('cancelled between batches keeps what it scored, and a second run scores only what is left', async () => {
    const controller = new AbortController();
    const first = new Set<string>();
    const outcome = await autotagRun({
      pool,
      model: spec,
      images: images(),
      batchSize: 1,
      signal: controller.signal,
      onScored: (image) => {
        first.add(image.id);
        controller.abort();
      },
    });
    expect(outcome.cancelled).toBe(true);
    expect(first.size).toBeGreaterThan(0);
    expect(first.size).toBeLessThan(6);
    const second: string[] = [];
    const again = await autotagRun({ pool, model: spec, images: images(), batchSize: 1, alreadyScored: first, onScored: (image) => second.push(image.id) });
    expect(again).toMatchObject({ skipped: first.size, cancelled: false, failed: 1 });
    expect(new Set([...first, ...second]).size).toBe(6);
    expect(second.filter((id) => first.has(id))).toEqual([]);
  });
});

describe('a model the app cannot use', () => {
  const open = async (name: string, model: Uint8Array | string, csv = selectedTagsCsv(TINY_TAGS)) => {
    const dir = join(temp.path, name);
    await writeModelFolder(dir, typeof model === 'string' ? Buffer.from(model) : model);
    writeFileSync(join(dir, 'selected_tags.csv'), csv);
    return pool.run({ kind: 'open', model: await specFor(dir) });
  };

  it('says a file that is not ONNX is not an ONNX model', async () => {
    expect(await open('not-onnx', 'this is a text file, not a model')).toEqual({ kind: 'unusable', reason: expect.stringMatching(/is not an ONNX model/) });
  });

  it('refuses a channels-first (NCHW) input', async () => {
    expect(await open('nchw', tinyModel({ layout: 'NCHW' }))).toEqual({ kind: 'unusable', reason: expect.stringMatching(/channels first \(NCHW\)/) });
  });

  it('refuses an input without 3 channels', async () => {
    expect(await open('four-channels', tinyModel({ channels: 4 }))).toEqual({ kind: 'unusable', reason: expect.stringMatching(/4 channels where a tagger takes 3/) });
  });

  it('refuses a model whose output size differs from the CSV\'s row count', async () => {
    const response = await open('short-csv', tinyModel(), selectedTagsCsv(TINY_TAGS.slice(0, 10)));
    expect(response).toEqual({ kind: 'unusable', reason: 'the model gives 12 scores per image but selected_tags.csv lists 10 tags: they are not from the same model' });
  });

  it('a run on an unusable model fails with the reason before scoring anything', async () => {
    const dir = await writeModelFolder(join(temp.path, 'nchw-run'), tinyModel({ layout: 'NCHW' }));
    let scored = 0;
    const run = autotagRun({ pool, model: await specFor(dir), images: [{ id: 'a', path: paths['blue-corner.png']! }], onScored: () => scored++ });
    await expect(run).rejects.toThrow(/NCHW/);
    expect(scored).toBe(0);
  });
});
