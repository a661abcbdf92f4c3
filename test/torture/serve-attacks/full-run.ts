import { pathToFileURL } from 'node:url';
import { runServeAttacks, type ServeAttackSummary } from './run-serve-attacks';

/** what `npm run torture` runs: every written attack, 5,000 generated paths, 1,000 idle sockets and 50 slow-loris clients */
export const FULL = { generatedPaths: 5_000, idleSockets: 1_000, slowLoris: 50, rounds: 20 } as const;

export function serveAttackReport(s: ServeAttackSummary, seconds: number): string[] {
  const total = Object.values(s.attacks).reduce((a, b) => a + b, 0);
  return [
    `serve attacks: ${total} attacks (${Object.entries(s.attacks).map(([group, n]) => `${group} ${n}`).join(', ')}), in ${seconds} s`,
    `  got through: ${s.breaches.length}`,
    ...s.breaches.map((b) => `  ! ${b.group}: ${b.name}: ${b.what}`),
    `  under ${s.flood.idleSockets} idle sockets and ${s.flood.slowLoris} slow-loris clients: ${s.flood.answered} of ${s.flood.requests} legitimate requests answered, the slowest in ${s.flood.slowestMs} ms`,
  ];
}

export async function runFullServeAttacks(log: (line: string) => void = console.log, seed = Number(process.env.TORTURE_SEED ?? 18)): Promise<boolean> {
  const started = Date.now();
  const summary = await runServeAttacks({ ...FULL, seed, log });
  for (const line of serveAttackReport(summary, Math.round((Date.now() - started) / 1000))) log(line);
  return summary.breaches.length === 0 && summary.flood.answered === summary.flood.requests;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = (await runFullServeAttacks()) ? 0 : 1;
