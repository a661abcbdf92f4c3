import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { databasePath } from '../../src-main/core/session/locate-session';
import { FilterIndex } from '../../src-main/core/store/filter-index';
import { IndexDatabase } from '../../src-main/core/store/index-database';
import { unwrap, type Figures, type RunContext } from '../context';
import { median, timed } from '../measure/stats';

const REPEATS = 15;

/**
 * Tag-filter latency over the whole dataset, as the renderer asks for it:
 * `images.filter` through the api, on the open session's filter index (made
 * on the index thread in the background after the open; the bench waits for
 * it). The index build is timed on its own, on a fresh index of a copy of
 * the session's database. Last, a query as soon as the folder is reopened.
 */
export async function filterPhase(ctx: RunContext): Promise<Figures> {
  const session = ctx.api.workspace.requireSession();
  await session.whenIdle();
  // built here on main in one go, where the app builds it on its index thread: the bench's own work, not a stall of the app's
  const indexMs = await ctx.harness(() => timeIndexBuild(databasePath(session.datasetDir), ctx.workDir));
  // a tag of middling frequency: the 100th most used
  const tags = session.tagList();
  const tag = tags[Math.min(99, tags.length - 1)]!.name;
  const simple = `tag:"${tag.replace(/"/g, '\\"')}"`;
  const complex = `(tag:"long*" OR tag:"*eyes") -status:skip tags:>25`;

  // one query per turn of the event loop, as the renderer sends them
  const run = async (query: string) => {
    const times: number[] = [];
    let matched = 0;
    for (let i = 0; i < REPEATS; i++) {
      await nextTurn();
      const answer = await timed(() => ctx.api.invoke('images.filter', { query }));
      times.push(answer.ms);
      const found = unwrap(answer.value, `filter ${query}`) as { ids: number[] | null; error: { message: string } | null };
      if (!found.ids) throw new Error(`query ${query}: ${found.error?.message}`);
      matched = found.ids.length;
    }
    return { ms: median(times), matched };
  };
  const one = await run(simple);
  const many = await run(complex);
  if (one.matched === 0) throw new Error(`${simple} matched nothing`);
  const afterReopen = await firstFilterAfterReopen(ctx, simple);
  return { filterMs: one.ms, filterComplexMs: many.ms, filterIndexMs: indexMs, filterAfterReopenMs: afterReopen, filterMatched: one.matched };
}

/**
 * A query asked as soon as a reopen answers, as a person types one at once:
 * the index thread has no filter index yet (it is made per open), and it
 * checks the folder meanwhile. Leaves the folder open, checked.
 */
async function firstFilterAfterReopen(ctx: RunContext, query: string): Promise<number> {
  const session = ctx.api.workspace.requireSession();
  const path = session.info().root;
  unwrap(await ctx.api.invoke('session.close', {}), 'close');
  unwrap(await ctx.api.invoke('session.open', { path }), 'reopen');
  const answer = await timed(() => ctx.api.invoke('images.filter', { query }));
  unwrap(answer.value, `filter ${query} after a reopen`);
  await ctx.api.workspace.requireSession().whenIdle();
  return answer.ms;
}

/** a fresh index of a copy of the database (and its log, which holds what is not yet checkpointed), as the index thread builds it */
async function timeIndexBuild(dbPath: string, workDir: string): Promise<number> {
  const dir = await mkdtemp(join(workDir, 'filter-index-'));
  try {
    const copy = join(dir, 'session.sqlite');
    await copyFile(dbPath, copy);
    await copyFile(`${dbPath}-wal`, `${copy}-wal`).catch(() => undefined);
    const db = IndexDatabase.open(copy);
    try {
      const fresh = new FilterIndex(db);
      return (await timed(async () => fresh.warmFilter(Number.MAX_SAFE_INTEGER))).ms;
    } finally {
      db.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
