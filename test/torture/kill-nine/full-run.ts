import { pathToFileURL } from 'node:url';
import { runKillNineEdits, type KillNineReport } from './run-kill-nine';
import { runKillScenario } from './run-scenario';
import { SCENARIOS } from './scenarios';
import { tallyFailures, type Tally } from './tally';

/** what `npm run torture` runs: 200 kills during single caption edits, 30 during each longer piece of work */
export const FULL_EDIT_TRIALS = 200;
export const FULL_SCENARIO_TRIALS = 30;

/** the rules the run holds the app to, each as a count that must be 0 */
export function killNineFailures(r: KillNineReport): Record<string, number> {
  return {
    'acknowledged edits lost': r.losses,
    'captions torn or empty': r.tears,
    'files left in the dataset': r.leftovers,
    'next opens failed or showed other text': r.badReopens,
  };
}

export function killNineReport(scenario: string, r: KillNineReport): string[] {
  return [
    `kill -9 during ${scenario}: ${r.trials} trials, ${r.acknowledged} edits acknowledged, ${r.tempsAfterKill} temps found right after a kill (cleared by the next open)`,
    ...Object.entries(killNineFailures(r)).map(([rule, n]) => `  ${rule}: ${n}`),
    ...r.problems.map((p) => `  ! ${p}`),
  ];
}

export function scenarioReport(title: string, t: Tally): string[] {
  const counts = Object.entries(tallyFailures(t)).map(([rule, n]) => `${rule} ${n}`);
  return [
    `kill -9 during ${title}: ${t.trials} trials (${t.finishedBeforeKill} answered before the kill), ${t.tempsAfterKill} temps or partials right after a kill; ${counts.join(', ')}`,
    ...t.problems.map((p) => `  ! ${p}`),
  ];
}

/**
 * Every scenario, or those named in TORTURE_KILL_ONLY (comma-separated:
 * edits, batch, undo, import, export-zip, export-folder, thumbnails,
 * autotag); TORTURE_KILL_TRIALS overrides the trials of each but the edits.
 */
export async function runFullKillNine(log: (line: string) => void = console.log): Promise<boolean> {
  const seed = Number(process.env.TORTURE_SEED ?? 1);
  const only = process.env.TORTURE_KILL_ONLY?.split(',');
  const trials = Number(process.env.TORTURE_KILL_TRIALS ?? FULL_SCENARIO_TRIALS);
  let clean = true;
  if (!only || only.includes('edits')) {
    const report = await runKillNineEdits(FULL_EDIT_TRIALS, seed, log);
    for (const line of killNineReport('single caption edits', report)) log(line);
    clean &&= Object.values(killNineFailures(report)).every((n) => n === 0) && report.problems.length === 0;
  }
  for (const scenario of SCENARIOS.filter((s) => !only || only.includes(s.name))) {
    const size = scenario.sizes.full;
    const tally = await runKillScenario(scenario, { trials, size, seed, log });
    for (const line of scenarioReport(scenario.title(size), tally)) log(line);
    clean &&= Object.values(tallyFailures(tally)).every((n) => n === 0) && tally.problems.length === 0;
  }
  return clean;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = (await runFullKillNine()) ? 0 : 1;
