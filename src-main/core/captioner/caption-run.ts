import { availableParallelism } from 'node:os';
import { basename, dirname, extname } from 'node:path';
import type { CaptionRunRequest } from '../../../src-shared/contract/captioner';
import { AppError } from '../app-error';
import type { JobContext } from '../jobs/job-runner';
import { withTimeLeft } from '../jobs/time-left';
import type { DatasetSession } from '../session/dataset-session';
import type { ImageEntry } from '../session/image-entry';
import type { CaptionResultRow } from '../store/index-database';
import { cleanAnswer } from './answer-cleanup';
import type { BackendRegistry } from './backend-registry';
import { runCaptionQueue, type QueueEndpoint } from './caption-queue';
import { CaptionStore } from './caption-store';
import { limiter } from './limiter';
import { prepareImage } from './prepare-image';
import { fillTemplate, findPromptPreset, type TemplateValues } from './prompt-presets';
import { vlmClient } from './vlm-client';
import type { VlmClient, VlmEndpoint } from './vlm-protocol';

/** a raw answer is kept up to this many characters: enough to see what went wrong with a runaway one */
const RAW_KEPT = 200_000;

/**
 * Images read and downscaled at once, whatever the requests in flight: each
 * is a libvips pipeline with threads of its own, and eight of them on a
 * two-core machine kept the main thread waiting for a core for hundreds of
 * milliseconds at a time.
 */
const PREPARING_AT_ONCE = Math.max(1, availableParallelism() - 1);

export interface CaptionRunDeps {
  registry: BackendRegistry;
  /** the client for a backend; tests may wrap the real one */
  clientFor?: (endpoint: VlmEndpoint) => VlmClient;
  /** pauses before a 429/5xx is tried again (tests shorten them) */
  backoffMs?: number;
}

export interface CaptionRunOutcome {
  runId: number;
  captioned: number;
  failed: number;
  skipped: number;
  cancelled: boolean;
  failures: { imageId: number; name: string; reason: string }[];
}

/** the prompt template and system prompt a request names */
export function resolvePrompt(req: Pick<CaptionRunRequest, 'promptPreset' | 'prompt' | 'system'>): { template: string; system: string } {
  if (req.prompt !== undefined) return { template: req.prompt, system: req.system ?? '' };
  const preset = findPromptPreset(req.promptPreset ?? '');
  if (!preset) throw new AppError('invalid-input', `No prompt preset named “${req.promptPreset}”`);
  return { template: preset.prompt, system: req.system || preset.system };
}

export function templateValues(session: DatasetSession, entry: ImageEntry): TemplateValues {
  const rel = entry.row.relPath;
  const folder = dirname(rel);
  return {
    // the caption as it is: its tags as written, or its sentence
    tags: entry.caption.text,
    name: basename(rel, extname(rel)),
    folder: folder === '.' ? '' : folder,
    trigger: session.settingsNow().triggerWord ?? '',
  };
}

/**
 * Captions images with a vision-language model and keeps every answer in the
 * session database as a suggestion: nothing is written to a caption. An
 * unfinished run with the same settings is taken up again, and the images it
 * has an answer for are not sent again. Each answer is stored as it comes, so
 * a quit loses at most the requests in flight.
 */
export async function captionImages(
  session: DatasetSession,
  req: CaptionRunRequest,
  entries: readonly ImageEntry[],
  deps: CaptionRunDeps,
  job: JobContext,
): Promise<CaptionRunOutcome> {
  const store = new CaptionStore(session.store.index);
  const { template, system } = resolvePrompt(req);
  const backends = await Promise.all(req.backendIds.map((id) => deps.registry.endpoint(id)));
  const clientFor = deps.clientFor ?? ((e: VlmEndpoint) => vlmClient(e));
  const endpoints: QueueEndpoint[] = backends.map((b) => ({ name: b.name, client: clientFor(b), concurrency: req.concurrency }));

  let targeted = entries;
  if (req.onlyRejectedOf !== undefined) {
    const rejected = new Set((await store.of(req.onlyRejectedOf, null)).filter((r) => r.status === 'rejected').map((r) => r.imageId));
    targeted = entries.filter((e) => rejected.has(e.row.id));
  }

  // what a resumed run must match; never the key, which stays in the SecretStore
  const settings = JSON.stringify({
    backendIds: req.backendIds,
    model: req.model,
    template,
    system,
    temperature: req.temperature ?? null,
    topP: req.topP ?? null,
    maxTokens: req.maxTokens ?? null,
    startWith: req.startWith,
    strip: req.strip,
    jsonSchema: req.jsonSchema ?? null,
    maxSide: req.maxSide,
    onlyRejectedOf: req.onlyRejectedOf ?? null,
  });
  const unfinished = (await store.runs()).filter((r) => r.finishedAt === null && r.settings === settings).at(-1);
  const runId = unfinished?.id ?? (await store.startRun({ model: req.model, backends: backends.map((b) => b.name), prompt: template, settings }));
  const answered = unfinished ? await store.answered(runId) : new Set<number>();
  const todo = targeted.filter((e) => !answered.has(e.row.id));
  const skipped = targeted.length - todo.length;

  const instruction = req.startWith.trim() ? `\nStart the caption with: ${req.startWith.trim()}` : '';
  const failures: CaptionRunOutcome['failures'] = [];
  let captioned = 0;
  let pending: CaptionResultRow[] = [];
  let saving = Promise.resolve();
  const save = () => {
    const rows = pending;
    pending = [];
    if (rows.length > 0) saving = saving.then(() => store.put(runId, rows));
  };
  const fail = (entry: ImageEntry, reason: string, raw: string) => {
    failures.push({ imageId: entry.row.id, name: entry.row.relPath, reason });
    pending.push({ imageId: entry.row.id, status: 'failed', suggested: null, raw: raw.slice(0, RAW_KEPT), error: reason, at: Date.now() });
  };

  const items = todo.map((entry) => ({ id: entry.row.id, entry }));
  const decoding = limiter(PREPARING_AT_ONCE);
  const outcome = await runCaptionQueue({
    items,
    endpoints,
    timeoutMs: req.timeoutSeconds * 1000,
    ...(deps.backoffMs === undefined ? {} : { backoffMs: deps.backoffMs }),
    signal: job.signal,
    prepare: async ({ entry }) => ({
      model: req.model,
      jpeg: await decoding.run(() => prepareImage(session.absolutePath(entry), req.maxSide)),
      prompt: fillTemplate(template, templateValues(session, entry)) + instruction,
      system,
      ...(req.temperature === undefined ? {} : { temperature: req.temperature }),
      ...(req.topP === undefined ? {} : { topP: req.topP }),
      ...(req.maxTokens === undefined ? {} : { maxTokens: req.maxTokens }),
      ...(req.jsonSchema ? { jsonSchema: req.jsonSchema } : {}),
    }),
    onAnswer: ({ entry }, raw) => {
      const cleaned = cleanAnswer(raw, { strip: req.strip, startWith: req.startWith, json: req.jsonSchema !== undefined });
      if (!cleaned.ok) return fail(entry, cleaned.reason, raw);
      captioned++;
      pending.push({ imageId: entry.row.id, status: 'pending', suggested: cleaned.caption, raw: raw.slice(0, RAW_KEPT), error: null, at: Date.now() });
    },
    onFailure: ({ entry }, reason, raw) => fail(entry, reason, raw),
    onProgress: (p) => {
      save();
      const label = withTimeLeft('Captioning images', p.etaMs);
      job.progress(skipped + p.done, skipped + p.total, label);
    },
  }).finally(save);
  await saving;
  if (!outcome.cancelled) await store.finishRun(runId);
  return { runId, captioned, failed: failures.length, skipped, cancelled: outcome.cancelled, failures };
}
