import { join } from 'node:path';
import type { ChannelOutput, SessionInfo } from '../../src-shared/contract';
import { listAllImages } from '../../src-shared/list-images';
import type { Result } from '../../src-shared/result';
import { unwrap, type Figures, type RunContext } from '../context';
import { stageFolder } from '../dataset/stage';
import { builtAppMissing, ensureBuilt, highWaterMb, startBuiltApp, type Invoke } from '../measure/built-app';
import { pageLoadsAndPersonPicks } from '../measure/person';

/** how long the built app may take to load the shipped tag list once a folder is open */
const LIST_TIMEOUT_MS = 60_000;
/** after the reopen: its check against the folder runs in the background */
const SETTLE_MS = 3000;

/**
 * The built app's memory: `out/main/cli.js serve` (bundled, as `npm run
 * serve` runs it and as the desktop app's main process runs the same code)
 * in a process of its own (measure/built-app), driven as the page drives it:
 * after the page's requests on load, ~3 s and the folder's probe
 * (measure/person), the run's captioned folder opened for the first time
 * (the open's code as cold as at a person's first open), the whole list in
 * pages, a tag filter (its index is made on the index thread), the shipped
 * tag list loaded (it starts 2 s after an open; the phase waits until a
 * suggestion comes from it), the folder closed and opened again. The
 * figure is the kernel's high-water mark of that process's RSS
 * (VmHWM). The bench's own process runs the app from source, where each
 * thread loads tsx and Node gives each a thread of its own for the loader's
 * hooks: its peak RSS is that of a development run. Skipped, with the
 * reason, where the kernel keeps no /proc.
 */
export async function builtAppPhase(ctx: RunContext): Promise<Figures> {
  if (ctx.run === 0) return {}; // the app runs in a process of its own: nothing to compile in this one
  const missing = builtAppMissing();
  if (missing) {
    ctx.log(`  built: skipped, not a failure: ${missing}`);
    return {};
  }
  // all of it is harness time for this process: the app measured here is another process
  return ctx.harness(async () => {
    await ensureBuilt(ctx.log);
    const folder = join(ctx.workDir, 'built-captioned');
    await stageFolder(ctx.datasetDir, folder, 'all');
    const app = await startBuiltApp(folder, ctx.workDir);
    try {
      const invoke = app.invoke;
      await pageLoadsAndPersonPicks(invoke, folder);
      const setup = { mode: 'in-place', outputDir: 'output', prefix: 'img' } as const;
      const first = await timedMs(() => invoke('session.open', { path: folder, setup }));
      const opened = unwrap(first.value, 'built app: first open') as SessionInfo;
      if (opened.stats.total !== ctx.args.images) throw new Error(`the built app opened ${opened.stats.total} of ${ctx.args.images} images`);
      const list = await listAllImages((page) => invoke('images.list', page) as Promise<Result<ChannelOutput<'images.list'>>>);
      if (unwrap(list, 'built app: images.list').length !== ctx.args.images) throw new Error('the built app listed a different number of images');
      await filterByMostUsedTag(invoke);
      await untilShippedListSuggests(invoke);
      unwrap(await invoke('session.close', {}), 'built app: close');
      const reopen = await timedMs(() => invoke('session.open', { path: folder }));
      unwrap(reopen.value, 'built app: reopen');
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      return { builtPeakRssMb: await highWaterMb(app.pid), builtFirstOpenMs: first.ms, builtReopenMs: reopen.ms };
    } finally {
      await app.stop();
    }
  });
}

async function timedMs<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** a query as a person types one, on the dataset's most used tag: it must find images */
async function filterByMostUsedTag(invoke: Invoke): Promise<void> {
  const { tags } = unwrap(await invoke('tags.list', {}), 'built app: tags.list') as ChannelOutput<'tags.list'>;
  const query = `tag:"${tags[0]!.name.replace(/"/g, '\\"')}"`;
  const found = unwrap(await invoke('images.filter', { query }), 'built app: images.filter') as ChannelOutput<'images.filter'>;
  if (!found.ids?.length) throw new Error(`the built app's filter ${query} found nothing: ${found.error?.message ?? 'no error'}`);
}

/** waits until a suggestion comes from the shipped Danbooru list: its index is built */
async function untilShippedListSuggests(invoke: Invoke): Promise<void> {
  const until = Date.now() + LIST_TIMEOUT_MS;
  while (Date.now() < until) {
    const answer = await invoke('tags.complete', { query: 'long_hai', limit: 5 });
    const names = (unwrap(answer, 'built app: tags.complete') as ChannelOutput<'tags.complete'>).items.map((s) => s.name);
    if (names.includes('long_hair')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the built app's shipped tag list gave no suggestion within ${LIST_TIMEOUT_MS / 1000} s`);
}
