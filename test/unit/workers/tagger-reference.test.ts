import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readModelFolder } from '../../../src-main/core/autotag/model-folder';
import type { TaggerModelSpec } from '../../../src-main/core/autotag/tagger-protocol';
import { createTaggerPool } from '../../../src-main/workers/tagger-pool';
import { TINY_TAGS, tinyModel, writeModelFolder } from '../../support/make-onnx-model';
import { makeTempDir } from '../../support/temp-dir';
import { TAGGER_IMAGES, writeTestImage } from '../../support/tagger-images';

/**
 * Our pre-processing against the reference's, through the same model: the
 * Python pipeline (Pillow + onnxruntime, bench/peers/wd14_reference.py)
 * and ours must give the same probabilities on the same images.
 */
const SCRIPT = join(import.meta.dirname, '../../../bench/peers/wd14_reference.py');
const probe = spawnSync('python3', ['-c', 'import onnxruntime, PIL, numpy'], { encoding: 'utf8' });
const missing = probe.error ? 'python3 is not installed' : probe.status !== 0 ? 'python3 lacks onnxruntime, pillow or numpy (pip install onnxruntime pillow numpy)' : null;

/** a photo-like image: gradients and fine noise, where two resizers would differ if they differed */
async function writeNoisy(dir: string): Promise<string> {
  const width = 1000;
  const height = 700;
  const px = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let i = 0; i < width * height; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const x = i % width;
    const y = Math.floor(i / width);
    px[i * 3] = (x * 255) / width;
    px[i * 3 + 1] = (seed >>> 24) & 0xff;
    px[i * 3 + 2] = (y * 255) / height;
  }
  const path = join(dir, 'noisy.jpg');
  await sharp(px, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toFile(path);
  return path;
}

describe.skipIf(missing !== null)(`our probabilities against the Python reference${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const temp = makeTempDir('tagger-reference-');
  const pool = createTaggerPool();
  const paths: string[] = [];
  let spec: TaggerModelSpec;

  beforeAll(async () => {
    const dir = await writeModelFolder(join(temp.path, 'tiny'), tinyModel());
    const folder = await readModelFolder(dir);
    spec = { modelPath: folder.modelPath, tagCount: folder.tags.length, provider: 'cpu', intraOpThreads: 1 };
    for (const image of TAGGER_IMAGES) paths.push(await writeTestImage(join(temp.path, 'images'), image));
    paths.push(await writeNoisy(join(temp.path, 'images')));
  });
  afterAll(async () => {
    await pool.destroy();
    temp.cleanup();
  });

  it('gives each image the reference\'s probabilities, within 0.005', async () => {
    const out = join(temp.path, 'reference.f32');
    const run = spawnSync('python3', [SCRIPT, '--model', spec.modelPath, '--threads', '1', '--out', out, ...paths], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const bytes = readFileSync(out);
    const reference = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const response = await pool.run({ kind: 'score', model: spec, paths });
    if (response.kind !== 'scored') throw new Error(response.kind);
    response.scores.forEach((score, i) => {
      if (!score.ok) throw new Error(`${paths[i]}: ${score.reason}`);
      const theirs = reference.subarray(i * TINY_TAGS.length, (i + 1) * TINY_TAGS.length);
      const worst = Math.max(...Array.from(score.probabilities, (p, t) => Math.abs(p - theirs[t]!)));
      expect({ image: paths[i], worst: worst < 0.005 ? 'within' : worst }).toEqual({ image: paths[i], worst: 'within' });
    });
  });
});
