import { resolve } from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import { createApiHost } from '../api/create-api-host';
import type { CommandPaths } from './export-command';
import { openForCommand } from './open-for-command';
import type { CaptionCommand } from './parse-args';

/**
 * `lora-tagger caption`: captions every image of a folder with a
 * vision-language model on a server, through the same api as the window (a
 * run cut short resumes), then writes the answers (replace, append) or keeps
 * them for review in the app (suggest). The server becomes one of the app's
 * backends, found again by its URL next time, so the app shows which server
 * wrote a caption; a key comes from the environment and stays in memory.
 * Returns the exit code: non-zero when the folder cannot be opened, the key's
 * variable is unset, or no image got a caption.
 */
export async function runCaptionCommand(
  cmd: CaptionCommand,
  paths: CommandPaths,
  log = console.log,
  warn = console.error,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const folder = resolve(cmd.folder);
  const apiKey = cmd.apiKeyEnv === null ? undefined : env[cmd.apiKeyEnv];
  if (cmd.apiKeyEnv !== null && !apiKey) {
    warn(`lora-tagger caption: the environment variable ${cmd.apiKeyEnv} (--api-key-env) is not set`);
    return 1;
  }
  const api = createApiHost({ transport: 'serve', servedFolder: null, ...paths });
  const call = async <K extends ChannelName>(channel: K, payload: ChannelInput<K>) => (await api.invoke(channel, payload)) as Result<ChannelOutput<K>>;
  const fail = (result: { ok: false; error: { message: string } }) => {
    warn(`lora-tagger caption: ${result.error.message}`);
    return 1;
  };
  try {
    const opened = await openForCommand(api, folder);
    if (!opened.ok) return fail(opened);

    const listed = await call('captioner.backends', {});
    if (!listed.ok) return fail(listed);
    const baseUrl = cmd.backend.replace(/\/+$/, '');
    const known = listed.value.backends.find((b) => b.baseUrl === baseUrl && b.kind === cmd.kind);
    const saved = await call('captioner.saveBackend', {
      ...(known ? { id: known.id } : {}),
      name: known?.name ?? `${new URL(baseUrl).host} (command line)`,
      kind: cmd.kind,
      baseUrl,
      ...(apiKey ? { apiKey } : {}),
    });
    if (!saved.ok) return fail(saved);

    const started = performance.now();
    const run = await call('captioner.run', {
      target: { kind: 'all' },
      backendIds: [saved.value.id],
      model: cmd.model,
      ...(cmd.prompt !== null ? { prompt: cmd.prompt } : { promptPreset: cmd.promptPreset ?? 'detailed' }),
      maxSide: cmd.maxSide,
      concurrency: cmd.concurrency,
    });
    if (!run.ok) return fail(run);
    const r = run.value;
    const seconds = (performance.now() - started) / 1000;
    log(`Captioned ${r.captioned} images in ${seconds.toFixed(1)} s (${(r.captioned / Math.max(seconds, 0.001)).toFixed(1)} images/s) with ${cmd.model}`);
    if (r.skipped > 0) log(`  ${r.skipped} answered before (a run cut short), not sent again`);
    for (const failure of r.failures) log(`  failed ${failure.name}: ${failure.reason}`);
    if (r.captioned === 0 && r.skipped === 0 && r.failed > 0) {
      warn(`lora-tagger caption: no image got a caption (${r.failed} failed)`);
      return 1;
    }
    if (cmd.mode === 'suggest') {
      log(`Suggestions kept for review in the app (run ${r.runId}); no caption was written`);
      return 0;
    }
    const accepted = await call('captioner.accept', { runId: r.runId, images: 'all-pending', mode: cmd.mode });
    if (!accepted.ok) return fail(accepted);
    log(`Wrote ${accepted.value.changed} captions (${cmd.mode}); undo it in the app with Ctrl+Z`);
    for (const name of accepted.value.conflicts) log(`  left alone ${name}: changed by another program`);
    for (const f of accepted.value.refused) log(`  left alone ${f.name}: ${f.reason}`);
    return 0;
  } finally {
    await api.shutdown();
  }
}
