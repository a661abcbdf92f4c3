import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os, { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiHost } from '../src-main/api/create-api-host';
import { StallMonitor } from '../src-main/core/perf/stall-monitor';
import { parseArgs, PHASES, type BenchArgs, type PhaseName } from './args';
import type { Figures, RunContext } from './context';
import { FULL_SIZE, SMALL_SIZE, specKey } from './dataset/dataset-spec';
import { ensureDataset } from './dataset/ensure-dataset';
import { makeVocabulary } from './dataset/vocabulary';
import { explainStalls, formatExplanations, mainThreadProfileName, type CpuProfile, type RecordedStall } from './measure/explain-stalls';
import { gcInside, GcPauseWatch } from './measure/gc-pauses';
import { OwnStallWatch } from './measure/own-stall-watch';
import { RssSampler, liveHeapMb } from './measure/rss-sampler';
import { median, round } from './measure/stats';
import { autotagPhase } from './phases/autotag-phase';
import { builtAppPhase } from './phases/built-app-phase';
import { captionPhase } from './phases/caption-phase';
import { editPhase } from './phases/edit-phase';
import { filterPhase } from './phases/filter-phase';
import { importPhase } from './phases/import-phase';
import { openPhase } from './phases/open-phase';
import { seedPhase } from './phases/seed-phase';
import { tagguiPhase } from './phases/taggui-phase';
import { thumbsPhase } from './phases/thumbs-phase';
import { printTable, targetVerdicts } from './report';
import { withRatios } from './side-by-side';
import { warmUp } from './warm-up';
import { asLaunchedBefore } from './measure/launched-before';

/**
 * `npm run bench`: LoRA Tagger's main process on a generated dataset, phase
 * by phase, with the event-loop stall monitor and a memory sampler watching
 * throughout. Each run is a process of its own, as each start of the app is:
 * in one long process the garbage of earlier runs (a whole session and tag
 * index each) was counted in later runs' memory. Each figure is the median
 * of `--runs` runs; each comparison a ratio within one run.
 */
const PHASE_FNS: Record<PhaseName, (ctx: RunContext) => Promise<Figures>> = {
  open: openPhase,
  filter: filterPhase,
  edit: editPhase,
  thumbs: thumbsPhase,
  import: importPhase,
  autotag: autotagPhase,
  taggui: tagguiPhase,
  seed: seedPhase,
  caption: captionPhase,
  built: builtAppPhase,
};

const here = fileURLToPath(import.meta.url);
const repo = join(dirname(here), '..');
const log = (line: string) => console.log(line);

/** what one run (one process) reports to the parent */
interface RunOutcome {
  figures: Figures;
  phaseStalls: Record<string, number>;
  peakRssMb: number;
  baselineRssMb: number;
  /** with --profile: the stalls over KEPT_STALL_MS, each with the GC pauses inside it */
  stalls?: RecordedStall[];
}

/** stalls longer than this are kept: laid against GC pauses, and with --profile explained */
const KEPT_STALL_MS = 30;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return runChild(args, args.child);

  const size = args.small ? SMALL_SIZE : FULL_SIZE;
  const cores = availableParallelism();
  log(`LoRA Tagger bench: ${args.images} images of ${size.width}×${size.height}, ${args.runs} runs, ${cores} cores, Node ${process.version}`);
  await ensureDataset(join(repo, '.bench'), { images: args.images, seed: args.dataSeed, ...size }, log);

  const workRoot = await mkdtemp(join(tmpdir(), 'lora-tagger-bench-'));
  const outcomes: RunOutcome[] = [];
  try {
    for (let run = 1; run <= args.runs; run++) outcomes.push(await runInChild(args, run, workRoot));
  } finally {
    if (!args.keep) await rm(workRoot, { recursive: true, force: true });
  }

  const perRun = outcomes.map((o) => withRatios(o.figures));
  const keys = [...new Set(perRun.flatMap((f) => Object.keys(f)))];
  const result: Record<string, number> = { images: args.images, runs: args.runs, cores, width: size.width, height: size.height };
  for (const key of keys) result[key] = round(median(perRun.map((f) => f[key]!).filter((v) => v !== undefined)), 3);
  result.worstStallMs = Math.max(...perRun.map((f) => f.maxStallMs!));
  result.loadAverage = round(os.loadavg()[0]!, 1);
  result.peakRssMb = round(median(outcomes.map((o) => o.peakRssMb)), 1);
  result.worstPeakRssMb = round(Math.max(...outcomes.map((o) => o.peakRssMb)), 1);
  result.baselineRssMb = round(median(outcomes.map((o) => o.baselineRssMb)), 1);

  const phaseStalls: Record<string, number[]> = {};
  for (const o of outcomes) for (const [phase, ms] of Object.entries(o.phaseStalls)) (phaseStalls[phase] ??= []).push(ms);
  log('');
  printTable(result, phaseStalls, log);
  if (args.json) {
    await writeFile(args.json, JSON.stringify({ ...result, targets: targetVerdicts(result) }, null, 2) + '\n');
    log(`\nwrote ${args.json}`);
  }
}

/** this same script, with the same loader flags (tsx), for one run */
async function runInChild(args: BenchArgs, run: number, workRoot: string): Promise<RunOutcome> {
  const out = join(workRoot, `run-${run}.json`);
  // every thread writes a profile (workers, tsx's loader): a folder per run, and Node's own names, which say the thread
  const profileDir = args.profile ? join(args.profile, `run-${run}`) : null;
  const profiling = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
  // --expose-gc: only for liveHeapMb, after the last phase
  const argv = [...process.execArgv, '--expose-gc', ...profiling, here, ...process.argv.slice(2), '--child-run', `${run}|${out}|${workRoot}`];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new Error(`run ${run} failed (exit ${code})`);
  const outcome = JSON.parse(await readFile(out, 'utf8')) as RunOutcome;
  if (profileDir && outcome.stalls) {
    // Node writes the profiles as the child exits: only the parent can read them
    const name = mainThreadProfileName(await readdir(profileDir));
    if (!name) throw new Error(`no main-thread profile in ${profileDir}`);
    const profile = JSON.parse(await readFile(join(profileDir, name), 'utf8')) as CpuProfile;
    for (const line of formatExplanations(run, explainStalls(profile, outcome.stalls))) log(line);
  }
  return outcome;
}

async function runChild(args: BenchArgs, child: { run: number; out: string; workRoot: string }): Promise<void> {
  const size = args.small ? SMALL_SIZE : FULL_SIZE;
  const datasetDir = join(repo, '.bench', specKey({ images: args.images, seed: args.dataSeed, ...size }));
  const cores = availableParallelism();
  const vocabulary = makeVocabulary(args.dataSeed);
  const { run, workRoot } = child;

  // what the process holds before any folder: Node, tsx (the bundled app has no tsx), the app's modules
  const baselineRssMb = process.memoryUsage.rss() / 1048576;
  const monitor = new StallMonitor(5).start();
  const own = new OwnStallWatch(5, KEPT_STALL_MS);
  own.start();
  const gc = new GcPauseWatch();
  gc.start();
  const harness = async <T>(work: () => Promise<T>): Promise<T> => {
    monitor.pause();
    own.pause();
    try {
      return await work();
    } finally {
      own.resume();
      await monitor.resume();
    }
  };
  const rss = new RssSampler();
  rss.start();
  const phases = PHASES.filter((p) => p === 'open' || !args.only || args.only.has(p));
  own.enterPhase('warm-up');
  await warmUp({ args, workRoot: join(workRoot, `warm-${run}`), datasetDir, cores, vocabulary, log }, phases, PHASE_FNS);
  rss.takePhasePeak();

  const workDir = join(workRoot, `run-${run}`);
  await mkdir(workDir, { recursive: true });
  const cacheDir = join(workDir, 'app-cache');
  await asLaunchedBefore(cacheDir);
  // made as the desktop app and serve make theirs: what a person's first open meets
  const api = createApiHost({ transport: 'serve', userDataDir: join(workDir, 'app-data'), cacheDir, servedFolder: null, version: 'bench' }, { startScanThreads: true });
  const ctx: RunContext = { api, datasetDir, workDir, cacheDir, run, cores, vocabulary, args, log, harness };
  const figures: Figures = {};
  const phaseStalls: Record<string, number> = {};
  let worst = 0;
  let worstOwn = 0;
  let worstGc = 0;
  try {
    for (const phase of phases) {
      monitor.reset();
      own.take();
      own.enterPhase(phase);
      const started = performance.now();
      Object.assign(figures, await PHASE_FNS[phase](ctx));
      const stall = monitor.figures().maxStallMs;
      const { ownMs, queuedMs } = own.take();
      await new Promise((resolve) => setImmediate(resolve)); // gc entries are delivered a turn late
      const pause = gc.take();
      worstGc = Math.max(worstGc, pause.ms);
      const longestKept = own.longestKept(phase);
      const gcInLongest = longestKept ? gcInside(gc.all(), longestKept.startUs, longestKept.endUs).reduce((sum, [, ms]) => sum + ms, 0) : 0;
      worst = Math.max(worst, stall);
      worstOwn = Math.max(worstOwn, ownMs);
      phaseStalls[phase] = stall;
      phaseStalls[`${phase} own`] = ownMs;
      log(
        `  run ${run} ${phase.padEnd(6)} ${((performance.now() - started) / 1000).toFixed(1)} s, longest stall ${stall} ms ` +
          `(own ${ownMs} ms, longest wait for a core ${queuedMs} ms${longestKept ? `, GC ${Math.round(gcInLongest * 10) / 10} ms of it` : ''}), ` +
          `longest GC pause ${pause.ms} ms${pause.kind ? ` (${pause.kind})` : ''}, peak RSS ${Math.round(rss.takePhasePeak())} MB (heap ${Math.round(process.memoryUsage().heapUsed / 1048576)} MB), load ${os.loadavg()[0]!.toFixed(1)}`,
      );
    }
    figures.maxStallMs = worst;
    figures.maxOwnStallMs = worstOwn;
    figures.maxGcPauseMs = worstGc;
    const live = liveHeapMb();
    if (live !== null) figures.liveHeapMb = live;
  } finally {
    await api.shutdown();
    if (!args.keep) await harness(() => rm(workDir, { recursive: true, force: true }));
    else log(`  kept ${workDir}`);
  }
  rss.stop();
  monitor.stop();
  own.stop();
  gc.stop();
  const outcome: RunOutcome = { figures, phaseStalls, peakRssMb: rss.lifetimePeakMb(), baselineRssMb };
  if (args.profile) outcome.stalls = own.keptStalls().map((s) => ({ ...s, gc: gcInside(gc.all(), s.startUs, s.endUs) }));
  await writeFile(child.out, JSON.stringify(outcome));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
