import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { autotagRun } from '../../src-main/core/autotag/autotag-run';
import type { TaggerModelSpec } from '../../src-main/core/autotag/tagger-protocol';
import { createTaggerPool } from '../../src-main/workers/tagger-pool';
import { realisticModel, realisticTags, writeModelFolder } from '../../test/support/make-onnx-model';
import type { Figures, RunContext } from '../context';

/**
 * Auto-tag throughput: our tagger (sharp pre-processing and onnxruntime-node
 * in its worker thread, batches from core's run) against the reference
 * pipeline in Python (Pillow + onnxruntime, bench/peers/wd14_reference.py),
 * on the same generated model of realistic size, the same images, the same
 * batch and the same number of onnxruntime threads; alternating which goes
 * first. Both are timed after their model is loaded. The main thread's
 * stalls are the bench's own watch, as in every phase; the process's memory
 * above its level before the tagger started is the worker's.
 */
const TAGS = 10_861; // wd-v1-4 and v3 taggers' selected_tags.csv
const IMAGES = 32;
const BATCH = 8;
const here = dirname(fileURLToPath(import.meta.url));
const SCRIPT = join(here, '..', 'peers', 'wd14_reference.py');

async function ensureModel(ctx: RunContext): Promise<string> {
  const dir = join(here, '..', '..', '.bench', `autotag-model-v2-${TAGS}`);
  if (!existsSync(join(dir, 'selected_tags.csv'))) {
    ctx.log(`  generating the realistic tagging model in ${dir}`);
    // the bench's own work, a few seconds on this thread: not the app's stall
    await ctx.harness(() => writeModelFolder(dir, realisticModel({ tags: TAGS }), realisticTags(TAGS)));
  }
  return join(dir, 'model.onnx');
}

/** why the reference cannot run here, or null; asked of python3 in its own process, without blocking this thread */
function pythonMissing(): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = spawn('python3', ['-c', 'import onnxruntime, PIL, numpy'], { stdio: 'ignore' });
    probe.on('error', () => resolve('python3 is not installed'));
    probe.on('exit', (code) => resolve(code === 0 ? null : 'python3 lacks onnxruntime, pillow or numpy'));
  });
}

interface PythonFigures {
  images_per_sec: number;
  seconds: number;
  preprocess_seconds: number;
  peak_rss_mb: number;
  failed: number;
}

function python(modelPath: string, paths: string[], threads: number): Promise<PythonFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [SCRIPT, '--model', modelPath, '--threads', String(threads), '--batch', String(BATCH), ...paths], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as PythonFigures) : reject(new Error(`wd14_reference.py exited ${code}`))));
  });
}

async function ours(modelPath: string, paths: string[], threads: number): Promise<{ perSec: number; workerMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const pool = createTaggerPool();
  try {
    const model: TaggerModelSpec = { modelPath, tagCount: TAGS, provider: 'cpu', intraOpThreads: threads };
    const opened = await pool.run({ kind: 'open', model });
    if (opened.kind !== 'opened') throw new Error(`the tagger could not open the bench model: ${JSON.stringify(opened)}`);
    const started = performance.now();
    const outcome = await autotagRun({ pool, model, images: paths.map((path) => ({ id: path, path })), batchSize: BATCH });
    const seconds = (performance.now() - started) / 1000;
    if (outcome.failed > 0) throw new Error(`${outcome.failed} images failed`);
    return { perSec: outcome.scored / seconds, workerMb: (peak - before) / 1048576 };
  } finally {
    clearInterval(sampler);
    await pool.destroy();
  }
}

export async function autotagPhase(ctx: RunContext): Promise<Figures> {
  const modelPath = await ensureModel(ctx);
  // the warm-up pass (run 0) only loads the modules: one batch, no Python
  const warm = ctx.run === 0;
  const names = (await readdir(ctx.datasetDir)).filter((n) => n.endsWith('.jpg')).sort().slice(0, warm ? BATCH : IMAGES);
  const paths = names.map((n) => join(ctx.datasetDir, n));
  const threads = ctx.cores;
  const missing = warm ? 'not in the warm-up' : await ctx.harness(pythonMissing);
  if (missing && !warm) ctx.log(`  autotag: no comparison with the Python reference: ${missing}`);

  let mine: { perSec: number; workerMb: number };
  let theirs: PythonFigures | null;
  const reference = () => (missing ? Promise.resolve(null) : ctx.harness(() => python(modelPath, paths, threads)));
  if (ctx.run % 2 === 1) {
    mine = await ours(modelPath, paths, threads);
    theirs = await reference();
  } else {
    theirs = await reference();
    mine = await ours(modelPath, paths, threads);
  }
  return {
    autotagPerSec: mine.perSec,
    autotagPythonPerSec: theirs?.images_per_sec ?? NaN,
    autotagVsPython: theirs ? mine.perSec / theirs.images_per_sec : NaN,
    autotagWorkerMb: mine.workerMb,
    autotagPythonPeakMb: theirs?.peak_rss_mb ?? NaN,
    autotagPythonPreprocessShare: theirs ? theirs.preprocess_seconds / theirs.seconds : NaN,
  };
}
