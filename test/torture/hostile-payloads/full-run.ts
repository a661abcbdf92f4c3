import { pathToFileURL } from 'node:url';
import { runHostilePayloads, type HostileSummary } from './run-hostile';

/** what `npm run torture` runs: 5,000 payloads a channel and a transport, ten of them megabytes */
export const FULL = { perChannel: 5_000, hugePerChannel: 10 } as const;

/** the rules the run holds the app to, each as a count that must be 0 */
export function hostileFailures(s: HostileSummary): Record<string, number> {
  return {
    crashes: s.crashes.length,
    'dispatch threw or the socket gave no answer': s.thrown.length,
    'unhandled rejections': s.unhandledRejections.length,
    'writes outside the dataset and the app’s folders': s.outsideWrites.length,
    'writes in the dataset or the canary not asked for': s.unaskedWrites.length,
  };
}

/** the closing lines of a run, as the README and the closing note quote them */
export function hostileReport(s: HostileSummary, seconds: number): string[] {
  const lines = [
    `hostile payloads (seed ${s.seed}): ${s.payloads.dispatch} through dispatch, ${s.payloads.ws} through the WebSocket, ${s.payloads.frames} raw frames, in ${seconds} s`,
    ...Object.entries(hostileFailures(s)).map(([rule, count]) => `  ${rule}: ${count}`),
    `  answers: ${Object.entries(s.answers).map(([code, n]) => `${code} ${n}`).join(', ')}`,
    `  longest main-loop stall: dispatch ${s.longestStallMs.dispatch} ms, WebSocket ${s.longestStallMs.ws} ms (slowest: ${s.slowestChannels.map((c) => `${c.transport} ${c.channel} ${c.ms} ms`).join('; ')})`,
  ];
  for (const f of [...s.crashes, ...s.thrown, ...s.unaskedWrites]) lines.push(`  ! ${f.transport} ${f.channel}: ${f.what.split('\n')[0]} ← ${f.payload}`);
  for (const w of [...s.outsideWrites, ...s.unhandledRejections]) lines.push(`  ! ${w}`);
  return lines;
}

export async function runFullHostilePayloads(log: (line: string) => void = console.log, seed = Number(process.env.TORTURE_SEED ?? 18)): Promise<boolean> {
  const started = Date.now();
  const summary = await runHostilePayloads({ ...FULL, seed, log });
  for (const line of hostileReport(summary, Math.round((Date.now() - started) / 1000))) log(line);
  return Object.values(hostileFailures(summary)).every((n) => n === 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = (await runFullHostilePayloads()) ? 0 : 1;
