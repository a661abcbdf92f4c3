import { setImmediate as nextTurn } from 'node:timers/promises';
import { FilterIndex } from '../../src-main/core/session/filter-index';
import type { ImageEntry } from '../../src-main/core/session/image-entry';
import { unwrap, type Figures, type RunContext } from '../context';
import { median, timed } from '../measure/stats';

const REPEATS = 15;

/**
 * Tag-filter latency over the whole dataset, as the renderer asks for it:
 * `images.filter` through the api, on the open session's filter index (made
 * in the background after the open; the bench waits for it). The index
 * build is timed on its own, on a fresh index of the same images.
 */
export async function filterPhase(ctx: RunContext): Promise<Figures> {
  const session = ctx.api.workspace.requireSession();
  await session.whenIdle();
  const indexMs = await timeIndexBuild(session.allEntries());
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
  return { filterMs: one.ms, filterComplexMs: many.ms, filterIndexMs: indexMs, filterMatched: one.matched };
}

/** a fresh index of the same images, built as the app builds it; let go at once (100 MB at 100,000 images) */
async function timeIndexBuild(entries: readonly ImageEntry[]): Promise<number> {
  const fresh = new FilterIndex();
  fresh.reset(entries);
  return (await timed(() => fresh.warm(() => true))).ms;
}
