import { runFullBadFiles } from './bad-files/full-run';
import { runFullKillNine } from './kill-nine/full-run';
import { runFullHostilePayloads } from './hostile-payloads/full-run';
import { runFullServeAttacks } from './serve-attacks/full-run';

/**
 * `npm run torture`: every harness's full run, one after the other (each
 * takes minutes and the machine whole), then a line per harness. Exits
 * non-zero when any harness found a crash, a loss, a write outside, a
 * breach: each harness's own must-be-zero counts. `npm test` runs the short
 * versions (test/torture/*.test.ts).
 */
const harnesses: { name: string; run: (log: (line: string) => void) => Promise<boolean> }[] = [
  { name: 'kill -9', run: runFullKillNine },
  { name: 'bad files', run: runFullBadFiles },
  { name: 'hostile payloads', run: runFullHostilePayloads },
  { name: 'serve attacks', run: runFullServeAttacks },
];

const only = process.argv.slice(2);
const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const h of harnesses.filter((h) => only.length === 0 || only.some((o) => h.name.includes(o)))) {
  console.log(`\n== ${h.name}`);
  const started = Date.now();
  let ok = false;
  try {
    ok = await h.run((line) => console.log(line));
  } catch (err) {
    console.log(`  the harness itself failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  results.push({ name: h.name, ok, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\n== torture');
for (const r of results) console.log(`  ${r.ok ? 'clean ' : 'FAILED'}  ${r.name} (${r.seconds} s)`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
