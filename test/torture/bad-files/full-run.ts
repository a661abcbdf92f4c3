import { pathToFileURL } from 'node:url';
import { runBadFiles, type BadFilesSummary } from './run-bad-files';

/** what `npm run torture` runs: the whole corpus, its bulk folder 50,000 empty .jpg files */
export const FULL = { bulk: 50_000, callTimeoutMs: 120_000 } as const;

/** the rules the run holds the app to, each as a count that must be 0 */
export function badFilesFailures(s: BadFilesSummary): Record<string, number> {
  return {
    'crashes, hangs, calls that threw': s.crashes.length,
    'image names neither listed nor skipped with a reason': s.dropped.length,
    'caption bytes changed without an edit': s.captionChanges.length,
  };
}

export function badFilesReport(s: BadFilesSummary): string[] {
  const lines = [
    `bad files: ${s.inputs} inputs, opened in place (${s.seconds['in-place']} s) and imported (${s.seconds.import} s)`,
    ...Object.entries(badFilesFailures(s)).map(([rule, n]) => `  ${rule}: ${n}`),
    ...(['in-place', 'import'] as const).map((m) => {
      const c = s.counts[m];
      return `  ${m}: ${c.listed} listed, ${c.skipped} skipped with a reason, ${c.shown} shown, ${c.edited} edited, ${c.exported} exported`;
    }),
  ];
  for (const f of [...s.crashes, ...s.dropped, ...s.captionChanges]) lines.push(`  ! ${f}`);
  return lines;
}

export async function runFullBadFiles(log: (line: string) => void = console.log): Promise<boolean> {
  const summary = await runBadFiles({ ...FULL, log });
  for (const row of summary.table) log(`  ${row.name}: in place ${row.treatment['in-place']} | import ${row.treatment.import}`);
  for (const line of badFilesReport(summary)) log(line);
  return Object.values(badFilesFailures(summary)).every((n) => n === 0);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = (await runFullBadFiles()) ? 0 : 1;
