/**
 * Timings for the tag vocabulary: parsing the shipped Danbooru list, building
 * the suggestion index, how long a build holds the event loop, and per-query
 * times. Prints only; nothing here passes or fails.
 *
 *   npx tsx bench/vocabulary-bench.ts
 */
import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { SuggestIndex, type SuggestOptions } from '../src-main/core/vocabulary/suggest-index';
import { buildTagIndex, runToEnd } from '../src-main/core/vocabulary/tag-index';
import { danbooruListPath, parseTagList } from '../src-main/core/vocabulary/tag-list';
import { listFileSource, tagsSource } from '../src-main/core/vocabulary/tag-source';

const ms = (n: number): string => `${n.toFixed(1)} ms`;
const us = (n: number): string => `${(n * 1000).toFixed(0)} µs`;

function stats(samples: number[]): { median: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
}

/**
 * CPU milliseconds the process spent (all its threads): on a shared, busy
 * machine wall time also counts the time other processes held the CPU.
 */
function cpuTime(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

/** the longest the event loop waited while `work` ran: what a build costs the app's responsiveness */
async function longestStall(work: () => Promise<unknown>): Promise<[number, number]> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const start = performance.now();
  await work();
  const total = performance.now() - start;
  histogram.disable();
  return [total, histogram.max / 1e6];
}

/**
 * What this machine is like, so the numbers below can be read elsewhere: one
 * loop of arithmetic and one that grows a 400,000-item array (allocation is
 * unusually slow in some sandboxes).
 */
function calibrate(): void {
  const [, compute] = time(() => {
    let x = 0;
    for (let i = 0; i < 10_000_000; i++) x += i & 7;
    return x;
  });
  const [, grow] = time(() => {
    const a: number[] = [];
    for (let i = 0; i < 400_000; i++) a.push(i);
    return a.length;
  });
  console.log(`machine: 1e7 additions ${ms(compute)}, growing a 400k array ${ms(grow)}`);
}

async function main(): Promise<void> {
  calibrate();
  const path = danbooruListPath();
  const bytes = await readFile(path);
  const text = bytes.toString('utf8');

  const parses: number[] = [];
  let parsed = parseTagList(text, 'danbooru.csv');
  for (let run = 0; run < 5; run++) {
    const [result, took] = time(() => parseTagList(text, 'danbooru.csv'));
    parsed = result;
    parses.push(took);
  }
  console.log(`parse ${parsed.tags.length} tags (${parsed.skipped} skipped): median ${ms(stats(parses).median)}`);

  const parseCpu = cpuTime(() => parseTagList(text, 'danbooru.csv'));
  console.log(`parse, CPU time of one more run: ${ms(parseCpu)}`);

  // parsed a part at a time as the build goes, as the app reads a list
  const lists = [{ source: 'danbooru', list: listFileSource(bytes, 'danbooru.csv') }];
  const builds: number[] = [];
  const buildCpu: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    buildCpu.push(cpuTime(() => runToEnd(buildTagIndex(lists))));
    builds.push(performance.now() - start);
  }
  console.log(
    `parse and build index, unsliced: median ${ms(stats(builds).median)}, min ${ms(Math.min(...builds))}; ` +
      `CPU median ${ms(stats(buildCpu).median)}`,
  );

  const index = new SuggestIndex();
  const [addTotal, addStall] = await longestStall(() => index.addList(listFileSource(bytes, 'danbooru.csv'), 'danbooru', async () => listFileSource(bytes, 'danbooru.csv')));
  console.log(`addList(danbooru), sliced: ${ms(addTotal)} in all, event loop held at most ${ms(addStall)}`);

  const userList = parseTagList(
    Array.from({ length: 1000 }, (_, i) => `my_style_${i}`).join('\n') + '\nlong hair\n1girl\n',
    'mine.txt',
  ).tags;
  const [userTotal, userStall] = await longestStall(() => index.addList(tagsSource(userList), 'mine.txt', async () => tagsSource(userList)));
  console.log(`addList(1,002 user tags): full rebuild (Danbooru parsed again) ${ms(userTotal)}, event loop held at most ${ms(userStall)}`);
  const [removeTotal, removeStall] = await longestStall(() => index.removeList('mine.txt'));
  console.log(`removeList: full rebuild (Danbooru parsed again) ${ms(removeTotal)}, event loop held at most ${ms(removeStall)}`);

  // a big dataset: 8,000 of the list's tags in use, a third written with spaces, 50 recent tags
  const datasetCounts = new Map<string, number>();
  for (let i = 0; i < 8000; i++) {
    const name = parsed.tags[i * 7]!.name;
    datasetCounts.set(i % 3 === 0 ? name.replace(/_/g, ' ') : name, 1 + ((i * 7919) % 500));
  }
  const recent = parsed.tags.slice(100, 150).map((t) => t.name);
  const queries = ['a', 's', '1', '1gi', 'ha', 'hai', 'long ha', 'hatsune', 'boo', 'miku', 'air', 'eyes', '_(', 'zzq', 'xqzv', 'long_hair_between'];
  for (const [label, opts] of [
    ['list only', { limit: 12, datasetCounts: new Map(), recent: [], underscoresToSpaces: false }],
    ['8,000 dataset tags + 50 recent', { limit: 12, datasetCounts, recent, underscoresToSpaces: true }],
  ] as [string, SuggestOptions][]) {
    for (const q of queries) index.suggest(q, opts); // warm up
    const all: number[] = [];
    const rows: string[] = [];
    for (const q of queries) {
      const samples: number[] = [];
      for (let run = 0; run < 200; run++) samples.push(time(() => index.suggest(q, opts))[1]);
      all.push(...samples);
      const s = stats(samples);
      const cpu = cpuTime(() => {
        for (let run = 0; run < 200; run++) index.suggest(q, opts);
      }) / 200;
      rows.push(
        `  ${JSON.stringify(q).padEnd(20)} median ${us(s.median).padStart(8)}  max ${us(s.max).padStart(9)}  CPU mean ${us(cpu).padStart(7)}`,
      );
    }
    const s = stats(all);
    console.log(`suggest, ${label}: median ${us(s.median)}, p99 ${us(s.p99)}, max ${us(s.max)}`);
    console.log(rows.join('\n'));
  }
}

await main();
