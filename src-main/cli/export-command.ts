import { resolve } from 'node:path';
import type { CheckReport, ExportSummary } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { createApiHost } from '../api/create-api-host';
import { openForCommand } from './open-for-command';
import type { ExportCommand } from './parse-args';

export interface CommandPaths {
  userDataDir: string;
  cacheDir: string;
  version: string;
}

/**
 * `lora-tagger export`: the same check and export as the window, through the
 * same api, for scripts and remote machines. A folder never opened before is
 * opened in place (its captions are read where they are). Prints the check
 * report and the summary; returns the process exit code (0 only when the
 * export was written).
 */
export async function runExportCommand(cmd: ExportCommand, paths: CommandPaths, log = console.log, warn = console.error): Promise<number> {
  const folder = resolve(cmd.folder);
  const api = createApiHost({ transport: 'serve', servedFolder: folder, ...paths });
  try {
    const opened = await openForCommand(api, folder);
    if (!opened.ok) return failWith(warn, opened);
    await api.workspace.requireSession().whenIdle(); // image sizes are known before buckets are counted

    const out = resolve(cmd.out);
    const options = {
      target: cmd.target,
      out: { kind: out.toLowerCase().endsWith('.zip') ? 'zip' : 'folder', path: out },
      trigger: cmd.trigger,
      maxSide: cmd.maxSide,
      format: cmd.format,
      keepMetadata: cmd.keepMetadata,
    } as const;

    const check = (await api.invoke('export.check', options)) as Result<CheckReport>;
    if (!check.ok) return failWith(warn, check);
    printReport(check.value, log);

    const done = (await api.invoke('export.run', options)) as Result<ExportSummary>;
    if (!done.ok) return failWith(warn, done);
    log(`Exported ${done.value.written} images to ${done.value.outPath}`);
    for (const s of done.value.skipped) log(`  left out ${s.name}: ${s.reason}`);
    for (const note of done.value.notes) log(`note: ${note}`);
    return 0;
  } finally {
    await api.shutdown();
  }
}

function printReport(report: CheckReport, log: (line: string) => void): void {
  log(`Check: ${report.imageCount} images to export`);
  for (const line of report.lines) log(`  ${line.severity}: ${line.message}`);
  if (report.buckets.counts.length > 0) {
    const buckets = report.buckets.counts.map((b) => `${b.width}×${b.height}: ${b.count}`).join(', ');
    log(`  kohya buckets at ${report.buckets.resolution}: ${buckets}`);
  }
}

function failWith(warn: (line: string) => void, result: { ok: false; error: { code: string; message: string } }): number {
  warn(`lora-tagger export: ${result.error.message}`);
  return 1;
}
