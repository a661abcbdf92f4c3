import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventPayload } from '../../src-shared/contract';
import { probeImages } from '../../src-main/core/scan/probe-images';
import { unwrap, type Figures, type RunContext } from '../context';
import { stageFolder } from '../dataset/stage';
import { runCommand } from '../measure/external';
import { timed } from '../measure/stats';

/**
 * Import throughput against `cp -r` of the same image files, in the same
 * run: ours is the app's import job (header check of every file, copy to a
 * temp name and rename, an empty caption beside it, the index), timed from
 * its first progress event to its end; then the whole open, as the user
 * waits for it. Both read the same files, made warm in the page cache first,
 * and each starts with the disk's write-back settled (`sync`, not timed): cp
 * leaves its gigabyte in the page cache, and the import that followed it was
 * paying for cp's write-back.
 */
export async function importPhase(ctx: RunContext): Promise<Figures> {
  const originals = join(ctx.workDir, 'originals');
  const copy = join(ctx.workDir, 'cp-copy');
  await ctx.harness(() => stageFolder(ctx.datasetDir, originals, 'images'));
  await ctx.harness(() => runCommand('sh', ['-c', "find . -name '*.jpg' -print0 | xargs -0 cat > /dev/null"], { cwd: originals }));
  // every scan thread up, as in an app that has opened a folder: throughput, not thread start-up
  await ctx.harness(async () => {
    const some = (await readdir(originals)).filter((n) => n.endsWith('.jpg')).slice(0, 512);
    await probeImages(originals, some.map((rel) => ({ rel, size: 1 })), { pool: ctx.api.workspace.options.scanPool });
  });

  await ctx.harness(() => runCommand('sync', []));
  const cp = await ctx.harness(() => timed(() => runCommand('cp', ['-r', originals, copy])));
  await ctx.harness(() => rm(copy, { recursive: true, force: true }));
  await ctx.harness(() => runCommand('sync', []));

  let jobStart = 0;
  let jobEnd = 0;
  const stop = ctx.api.subscribe((event, payload) => {
    const p = payload as EventPayload<'job.progress'>;
    if (p.kind !== 'import') return;
    if (event === 'job.progress' && jobStart === 0) jobStart = performance.now();
    if (event === 'job.finished') jobEnd = performance.now();
  });
  const open = await timed(() =>
    ctx.api.invoke('session.open', { path: originals, setup: { mode: 'import', outputDir: 'dataset', prefix: 'img' } }),
  );
  stop();
  const info = unwrap(open.value, 'import open');
  if (info && typeof info === 'object' && 'stats' in info && (info as { stats: { total: number } }).stats.total !== ctx.args.images) {
    throw new Error('the import did not list every image');
  }
  const importMs = jobEnd - jobStart;
  unwrap(await ctx.api.invoke('session.close', {}), 'close');
  await ctx.harness(() => rm(originals, { recursive: true, force: true }));
  return { cpMs: cp.ms, importMs, importOpenMs: open.ms, importVsCp: cp.ms / importMs };
}
