import { setImmediate as nextTurn } from 'node:timers/promises';
import { filterImages, indexImage, type IndexedImage } from '../../src-main/core/query';
import { mapSliced } from '../../src-main/core/perf/time-slicer';
import { statusOf } from '../../src-main/core/session/image-entry';
import type { Figures, RunContext } from '../context';
import { median, timed } from '../measure/stats';

const REPEATS = 15;

/**
 * Tag-filter latency over the whole dataset with the app's query module
 * (src-main/core/query: compileQuery + filterImages) on an index of the
 * open session's entries. The index is built once per dataset, in slices;
 * its time is reported on its own.
 */
export async function filterPhase(ctx: RunContext): Promise<Figures> {
  const session = ctx.api.workspace.requireSession();
  const entries = session.allEntries();
  const index = await timed(() =>
    mapSliced(entries, (e): IndexedImage =>
      indexImage({
        name: e.row.relPath.split('/').pop()!,
        path: e.row.relPath,
        caption: e.caption.text,
        tags: e.caption.tags,
        status: statusOf(e),
      }),
    ),
  );
  // a tag of middling frequency: the 100th most used
  const tags = session.tagList();
  const tag = tags[Math.min(99, tags.length - 1)]!.name;
  const simple = `tag:"${tag.replace(/"/g, '\\"')}"`;
  const complex = `(tag:"long*" OR tag:"*eyes") -status:skip tags:>25`;

  // one query per turn of the event loop, as the renderer sends them: back to back in one
  // turn, the repeats would be one long stall of the bench's own making
  const run = async (query: string) => {
    const times: number[] = [];
    let matched = 0;
    for (let i = 0; i < REPEATS; i++) {
      await nextTurn();
      const start = performance.now();
      const result = filterImages(index.value, query);
      times.push(performance.now() - start);
      if (!result.ok) throw new Error(`query ${query}: ${result.error.message}`);
      matched = result.indices.length;
    }
    return { ms: median(times), matched };
  };
  const one = await run(simple);
  const many = await run(complex);
  if (one.matched === 0) throw new Error(`${simple} matched nothing`);
  return { filterMs: one.ms, filterComplexMs: many.ms, filterIndexMs: index.ms, filterMatched: one.matched };
}
