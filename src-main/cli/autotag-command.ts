import { resolve } from 'node:path';
import type { ChannelOutput } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { createApiHost } from '../api/create-api-host';
import { openForCommand } from './open-for-command';
import type { CommandPaths } from './export-command';
import type { AutotagCommand } from './parse-args';

/**
 * `lora-tagger autotag`: scores every image of a folder with a tagging model
 * (resuming a run cut short) and applies the tags by the window's rules,
 * through the same api, for a GPU machine without a display. Prints a
 * summary; returns the exit code: non-zero for a model that cannot be used
 * or a folder that cannot be opened.
 */
export async function runAutotagCommand(cmd: AutotagCommand, paths: CommandPaths, log = console.log, warn = console.error): Promise<number> {
  const folder = resolve(cmd.folder);
  // the shell's user names the folders: no served root to keep them in
  const api = createApiHost({ transport: 'serve', servedFolder: null, ...paths });
  const fail = (result: { ok: false; error: { message: string } }) => {
    warn(`lora-tagger autotag: ${result.error.message}`);
    return 1;
  };
  try {
    const opened = await openForCommand(api, folder);
    if (!opened.ok) return fail(opened);

    const started = performance.now();
    const run = (await api.invoke('autotag.run', {
      model: cmd.model,
      target: { kind: 'all' },
      provider: cmd.provider,
      ...(cmd.batch ? { batchSize: cmd.batch } : {}),
    })) as Result<ChannelOutput<'autotag.run'>>;
    if (!run.ok) return fail(run);
    const seconds = (performance.now() - started) / 1000;
    const r = run.value;
    log(`Scored ${r.scored} images in ${seconds.toFixed(1)} s (${(r.scored / Math.max(seconds, 0.001)).toFixed(1)} images/s) on ${r.provider.toUpperCase()}`);
    if (r.fallback) log(`  ${r.fallback}`);
    if (r.skipped > 0) log(`  ${r.skipped} scored before (a run cut short), not scored again`);
    if (r.failed > 0) log(`  ${r.failed} could not be scored:`);
    for (const f of r.failures) log(`    ${f.name}: ${f.reason}`);
    const applied = (await api.invoke('autotag.apply', {
      runId: r.runId,
      target: { kind: 'all' },
      mode: cmd.mode,
      settings: {
        general: cmd.general,
        character: cmd.character,
        mcut: cmd.mcut,
        maxTags: cmd.maxTags,
        exclude: cmd.exclude,
        underscoresToSpaces: cmd.underscoresToSpaces,
      },
    })) as Result<ChannelOutput<'autotag.apply'>>;
    if (!applied.ok) return fail(applied);
    if (cmd.mode === 'suggest') {
      log(`Suggestions for ${applied.value.changed} images, shown in the app to accept or reject; no caption was written`);
      return 0;
    }
    log(`Wrote tags to ${applied.value.changed} captions (${cmd.mode}); undo it in the app with Ctrl+Z`);
    for (const name of applied.value.conflicts) log(`  left alone ${name}: changed by another program`);
    for (const f of applied.value.refused) log(`  left alone ${f.name}: ${f.reason}`);
    return 0;
  } finally {
    await api.shutdown();
  }
}
