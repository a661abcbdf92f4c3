import { pathToFileURL } from 'node:url';
import { runKillNineEdits, type KillNineReport } from './run-kill-nine';

/** what `npm run torture` runs: 200 kills during single caption edits */
export const FULL_EDIT_TRIALS = 200;

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

export async function runFullKillNine(log: (line: string) => void = console.log): Promise<boolean> {
  const seed = Number(process.env.TORTURE_SEED ?? 1);
  const report = await runKillNineEdits(FULL_EDIT_TRIALS, seed, log);
  for (const line of killNineReport('single caption edits', report)) log(line);
  return Object.values(killNineFailures(report)).every((n) => n === 0) && report.problems.length === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = (await runFullKillNine()) ? 0 : 1;
