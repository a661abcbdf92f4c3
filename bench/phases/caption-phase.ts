import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { paintPixels } from '../dataset/paint-image';
import { itemSeed, seededRandom } from '../dataset/prng';
import { threadTimed } from '../measure/thread-time';
import { unwrap, type Figures, type RunContext } from '../context';

/**
 * Captioning throughput with a server that answers at once
 * (instant-vlm-child.ts, its own process): the whole app path of a run
 * through the api (each image read, downscaled and encoded as JPEG by sharp,
 * base64 in a JSON request, the answer cleaned up and stored on the index
 * thread) at concurrency 8, so what is measured is the client. Twice: on
 * 1024×768 photo-like JPEGs, within the default longest side, which go as
 * their own bytes; and on the bench set's 2048×1536 JPEGs, which sharp
 * decodes, downscales and encodes first. Reports images per second and the
 * main thread's time per image.
 */
const IMAGES = 600;
/** the bench set's large JPEGs: each costs sharp a decode and an encode */
const LARGE_IMAGES = 120;
const DISTINCT = 12;
const SIZE = { width: 1024, height: 768 };
const CONCURRENCY = 8;
const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'instant-vlm-child.ts');

async function makeFolder(dir: string, images: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const sources: string[] = [];
  for (let i = 0; i < DISTINCT; i++) {
    const path = join(dir, `img_${String(i).padStart(4, '0')}.jpg`);
    const pixels = paintPixels(SIZE.width, SIZE.height, seededRandom(itemSeed(17, i)));
    await sharp(pixels, { raw: { ...SIZE, channels: 3 } }).jpeg({ quality: 90 }).toFile(path);
    sources.push(path);
  }
  for (let i = DISTINCT; i < images; i++) await copyFile(sources[i % DISTINCT]!, join(dir, `img_${String(i).padStart(4, '0')}.jpg`));
  // a caption each, so {tags} and the review have something to show
  await writeFile(join(dir, 'img_0000.txt'), 'gradient, shapes');
}

function startServer(): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve({ child, port: (JSON.parse(out.split('\n')[0]!) as { port: number }).port });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`instant-vlm-child.ts exited ${code} before it listened`)));
  });
}

async function largeFolder(ctx: RunContext, dir: string, images: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const names = (await readdir(ctx.datasetDir)).filter((n) => n.endsWith('.jpg')).sort().slice(0, images);
  for (const name of names) await copyFile(join(ctx.datasetDir, name), join(dir, name));
}

/** one run over a folder: images per second, and the main thread's time per image */
async function timedRun(ctx: RunContext, dir: string, port: number, images: number) {
  unwrap(await ctx.api.invoke('session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } }), 'open the caption set');
  const backend = unwrap(await ctx.api.invoke('captioner.saveBackend', { name: 'instant', kind: 'openai', baseUrl: `http://127.0.0.1:${port}/v1` }), 'add the backend') as { id: string };
  const { value, ms, thread } = await threadTimed(async () =>
    unwrap(
      await ctx.api.invoke('captioner.run', { target: { kind: 'all' }, backendIds: [backend.id], model: 'bench', promptPreset: 'detailed', concurrency: CONCURRENCY }),
      'caption run',
    ) as { captioned: number; failed: number },
  );
  if (value.captioned !== images) throw new Error(`${value.failed} of ${images} images failed in the caption phase`);
  return { perSec: images / (ms / 1000), cpuMs: thread.cpuMs / images, queuedMs: thread.queuedMs / images };
}

export async function captionPhase(ctx: RunContext): Promise<Figures> {
  const warm = ctx.run === 0;
  const images = warm ? 16 : IMAGES;
  const large = warm ? 4 : LARGE_IMAGES;
  const dir = join(ctx.workDir, `caption-set-${ctx.run}`);
  const largeDir = join(ctx.workDir, `caption-large-${ctx.run}`);
  await ctx.harness(() => makeFolder(dir, images));
  await ctx.harness(() => largeFolder(ctx, largeDir, large));
  const { child, port } = await ctx.harness(startServer);
  try {
    const small = await timedRun(ctx, dir, port, images);
    const resized = await timedRun(ctx, largeDir, port, large);
    return {
      captionPerSec: small.perSec,
      captionMainCpuMsPerImage: small.cpuMs,
      captionMainQueuedMsPerImage: small.queuedMs,
      captionResizedPerSec: resized.perSec,
      captionResizedMainCpuMsPerImage: resized.cpuMs,
    };
  } finally {
    child.kill();
  }
}
