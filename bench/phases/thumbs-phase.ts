import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ImageService, THUMB_SIDE } from '../../src-main/core/images/image-service';
import { createThreadPools } from '../../src-main/workers/thread-pools';
import type { Figures, RunContext } from '../context';
import { vipsThumbnails } from '../measure/external';
import { median, timed } from '../measure/stats';

/**
 * Thumbnail throughput of the app's "make all thumbnails" job (render
 * workers, one per core, with the fingerprint and the cache write), against
 * vipsthumbnail at the same size, output (WebP, quality 75, effort 1) and
 * concurrency, in the same run, alternating which goes first. Then the job
 * once more, as after a reopen: it must make none. While the job runs, the
 * latency of thumbnails asked for at visible priority.
 */
export async function thumbsPhase(ctx: RunContext): Promise<Figures> {
  const session = ctx.api.workspace.requireSession();
  const folder = session.datasetDir;
  const pools = createThreadPools();
  const images = new ImageService(join(ctx.workDir, `thumb-cache`), pools, { concurrency: ctx.cores });
  const names = (await readdir(folder)).filter((n) => n.endsWith('.jpg'));
  const vipsOut = join(ctx.workDir, 'vips-thumbs');
  await mkdir(vipsOut, { recursive: true });
  // threads that have loaded sharp, as they are once the app has opened a folder: throughput, not start-up
  await images.warmUp();

  const ours = async () => {
    const visible: number[] = [];
    const job = images.makeAllThumbnails(session, ctx.api.workspace.jobs);
    let finished = false;
    void job.finally(() => (finished = true)).catch(() => undefined);
    // the user scrolls to the end of the grid while the job works at the start
    const items = (await session.list());
    for (let k = 1; k <= 20 && !finished; k++) {
      await new Promise((r) => setTimeout(r, 100));
      const start = performance.now();
      await images.serve(session, items[items.length - k * 3]!.id, 'thumb');
      visible.push(performance.now() - start);
    }
    const outcome = await job;
    if (outcome.failed > 0) throw new Error(`${outcome.failed} thumbnails failed`);
    return { visible };
  };
  const vips = () => ctx.harness(() => vipsThumbnails(folder, names, join(vipsOut, '%s.webp[Q=75,effort=1]'), THUMB_SIDE, ctx.cores));

  let oursRun: { ms: number; value: { visible: number[] } };
  let vipsRun: { ms: number };
  if (ctx.run % 2 === 1) {
    oursRun = await timed(ours);
    vipsRun = await timed(vips);
  } else {
    vipsRun = await timed(vips);
    oursRun = await timed(ours);
  }
  const again = await timed(() => images.makeAllThumbnails(session, ctx.api.workspace.jobs));
  if (again.value.made !== 0) throw new Error(`the second job made ${again.value.made} thumbnails`);
  await images.close();
  await pools.close();
  // Node's recursive rm of 10,000 files is itself a stall: the bench's, not the app's
  await ctx.harness(() => rm(vipsOut, { recursive: true, force: true }));

  const n = names.length;
  return {
    thumbsPerSec: n / (oursRun.ms / 1000),
    vipsPerSec: n / (vipsRun.ms / 1000),
    thumbsVsVips: vipsRun.ms / oursRun.ms,
    thumbsRecheckMs: again.ms,
    visibleThumbMs: median(oursRun.value.visible),
  };
}
