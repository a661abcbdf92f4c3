import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EventPayload, SessionInfo } from '../../src-shared/contract';
import { unwrap, type Figures, type RunContext } from '../context';
import { ensureDataset } from '../dataset/ensure-dataset';
import { specKey } from '../dataset/dataset-spec';
import { stageFolder } from '../dataset/stage';
import { runCommand } from '../measure/external';
import { pythonLacks, runPython } from '../measure/python-peer';
import { builtAppMissing, ensureBuilt, startBuiltApp } from '../measure/built-app';
import { pageLoadsAndPersonPicks } from '../measure/person';

const here = dirname(fileURLToPath(import.meta.url));
const SCRIPT = join(here, '..', 'peers', 'seed_import.py');
const CHILD = join(here, 'seed-open-child.ts');
/** the small folder civitai-tagger was made for: 72 large wallpapers, no captions; kept in .bench/seed-72 */
const WALLPAPERS = { images: 72, width: 3840, height: 2160, quality: 90 } as const;

/**
 * Our first open of 72 wallpapers with "Import copies", in a fresh process
 * started ~3 s before the open (seed-open-child.ts, measure/person), side by side with
 * civitai-tagger's import of the same folder (Pillow verify, copy, empty
 * .txt). civitai-tagger's source is not on this machine and its API is not
 * known here, so its import runs as bench/peers/seed_import.py, a
 * re-implementation of that step, whether or not --seed DIR is given. Both
 * meet a warm page cache and settled write-back; each writes into a folder
 * of its own.
 */
export async function seedPhase(ctx: RunContext): Promise<Figures> {
  if (ctx.run === 0) return {}; // our side runs in a process of its own: nothing to compile in this one
  const missing = await pythonLacks(['PIL']);
  if (missing) {
    ctx.log(`  seed: skipped, not a failure: ${missing}`);
    return {};
  }
  ctx.log(`  seed: civitai-tagger's import step as re-implemented in bench/peers/seed_import.py${seedNote(ctx.args.seed)}`);
  const repo = join(here, '..', '..');
  const spec = { ...WALLPAPERS, seed: ctx.args.dataSeed, name: `seed-${WALLPAPERS.images}${ctx.args.dataSeed === 1 ? '' : `-seed${ctx.args.dataSeed}`}` };
  await ctx.harness(() => ensureDataset(join(repo, '.bench'), spec, ctx.log));
  const source = join(repo, '.bench', specKey(spec));
  const folder = join(ctx.workDir, 'wallpapers');
  const theirs = join(ctx.workDir, 'seed-session');
  await ctx.harness(async () => {
    await stageFolder(source, folder, 'images');
    await runCommand('sh', ['-c', "cat ./*.jpg > /dev/null"], { cwd: folder });
    await runCommand('sync', []);
  });
  const seed = await ctx.harness(() => runPython<{ seconds: number; images: number }>(SCRIPT, [folder, theirs]));
  if (seed.images !== WALLPAPERS.images) throw new Error(`the seed's import took ${seed.images} of ${WALLPAPERS.images} images`);
  await ctx.harness(async () => {
    await rm(theirs, { recursive: true, force: true });
    await runCommand('sync', []);
  });
  const childDir = join(ctx.workDir, 'seed-app');
  await mkdir(childDir, { recursive: true });
  const ours = await ctx.harness(() => ourImportOpen(folder, childDir));
  const figures: Figures = { seedImportMs: seed.seconds * 1000, seedOursMs: ours };
  const builtMissing = builtAppMissing();
  if (builtMissing) ctx.log(`  seed: the built app's import is not measured, not a failure: ${builtMissing}`);
  else {
    await ctx.harness(async () => {
      await rm(join(folder, 'dataset'), { recursive: true, force: true });
      await runCommand('sync', []);
      await ensureBuilt(ctx.log);
    });
    figures.seedBuiltMs = await ctx.harness(() => builtImportOpen(folder, join(ctx.workDir, 'seed-built')));
  }
  await ctx.harness(() => rm(folder, { recursive: true, force: true }));
  return figures;
}

/**
 * The same first open in the built app (measure/built-app) serving the
 * folder, after the same steps as seed-open-child.ts takes (measure/person):
 * from the open request to the import job's end, over its WebSocket.
 */
async function builtImportOpen(folder: string, workDir: string): Promise<number> {
  const app = await startBuiltApp(folder, workDir);
  try {
    await pageLoadsAndPersonPicks(app.invoke, folder);
    const jobDone = new Promise<void>((resolve) =>
      app.onEvent((event, payload) => {
        if (event === 'job.finished' && (payload as EventPayload<'job.finished'>).kind === 'import') resolve();
      }),
    );
    const started = performance.now();
    const answer = await app.invoke('session.open', { path: folder, setup: { mode: 'import', outputDir: 'dataset', prefix: 'img' } });
    await jobDone;
    const ms = performance.now() - started;
    const total = (unwrap(answer, 'built app: import open') as SessionInfo).stats.total;
    if (total !== WALLPAPERS.images) throw new Error(`the built app's import listed ${total} of ${WALLPAPERS.images} images`);
    return ms;
  } finally {
    await app.stop();
  }
}

/** what the phase says of a --seed DIR */
export function seedNote(dir: string | null): string {
  if (!dir) return ' (no --seed DIR given)';
  if (!existsSync(dir)) return ` (--seed ${dir} does not exist)`;
  return ` (--seed ${dir} is not called: civitai-tagger's import has no API known here to call on its own)`;
}

function ourImportOpen(folder: string, workDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, folder, workDir, String(WALLPAPERS.images)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve((JSON.parse(out.trim().split('\n').pop()!) as { ms: number }).ms) : reject(new Error(`seed-open-child.ts exited ${code}`))));
  });
}
