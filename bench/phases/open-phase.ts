import { join } from 'node:path';
import type { SessionInfo } from '../../src-shared/contract';
import { listAllImages } from '../../src-shared/list-images';
import { listPage, unwrap, type Figures, type RunContext } from '../context';
import { stageFolder } from '../dataset/stage';
import { pageLoadsAndPersonPicks } from '../measure/person';
import { timed } from '../measure/stats';
import { threadTimed } from '../measure/thread-time';

/**
 * First open of a captioned folder in place, after what a person does
 * before it (measure/person: the page's requests, the folder picked, as the
 * built app's and the seed's phases do), until session.open resolves
 * (every image listed, every caption read and indexed); then the list the
 * renderer asks for, page by page, as the serve transport sends it; then close and reopen
 * (shown from the index), and the reopen's check of the folder.
 * Leaves the folder open for the phases after it.
 */
export async function openPhase(ctx: RunContext): Promise<Figures> {
  const folder = join(ctx.workDir, 'captioned');
  await ctx.harness(() => stageFolder(ctx.datasetDir, folder, 'all'));
  await pageLoadsAndPersonPicks(ctx.api.invoke, folder);
  const setup = { mode: 'in-place', outputDir: 'output', prefix: 'img' } as const;

  const first = await threadTimed(() => ctx.api.invoke('session.open', { path: folder, setup }));
  checkOpened(unwrap(first.value, 'first open') as SessionInfo, ctx);
  // the header checks run on after open: let them finish here, so their stalls are this phase's
  await ctx.api.workspace.requireSession().whenIdle();

  // the whole list as the renderer asks for it, a page at a time; each page as the serve transport sends it
  let pageJsonMs = 0;
  let listKb = 0;
  const list = await timed(() =>
    listAllImages(async (page) => {
      const answer = await listPage(ctx)(page);
      const json = await timed(async () => JSON.stringify(answer));
      pageJsonMs = Math.max(pageJsonMs, json.ms);
      listKb += json.value.length / 1024;
      return answer;
    }),
  );
  const items = unwrap(list.value, 'images.list');
  if (items.length !== ctx.args.images) throw new Error(`images.list gave ${items.length} items`);

  unwrap(await ctx.api.invoke('session.close', {}), 'close');
  const reopen = await threadTimed(() => ctx.api.invoke('session.open', { path: folder }));
  checkOpened(unwrap(reopen.value, 'reopen') as SessionInfo, ctx);
  // a reopen shows the index, then checks it against the folder in the background: how long until that is done
  const checked = await timed(() => ctx.api.workspace.requireSession().whenIdle());

  return {
    firstOpenMs: first.ms,
    firstOpenCpuMs: first.thread.cpuMs,
    firstOpenQueuedMs: first.thread.queuedMs,
    reopenMs: reopen.ms,
    reopenCpuMs: reopen.thread.cpuMs,
    reopenQueuedMs: reopen.thread.queuedMs,
    reopenCheckedMs: reopen.ms + checked.ms,
    listMs: list.ms,
    listPageJsonMs: pageJsonMs,
    listKb,
  };
}

function checkOpened(info: SessionInfo, ctx: RunContext): void {
  if (info.stats.total !== ctx.args.images) throw new Error(`opened ${info.stats.total} of ${ctx.args.images} images`);
  // every generated caption has 20–40 tags: all of them must be indexed when open resolves
  if (info.stats.tagged !== ctx.args.images) throw new Error(`only ${info.stats.tagged} captions indexed`);
}
