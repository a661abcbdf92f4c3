import { z } from 'zod';
import { batchTargetSchema } from './batch-ops';
import { channel } from './define';
import { imageIdSchema } from './models';

/**
 * Captions written by vision-language models (issue 17). A backend is a
 * server speaking the OpenAI-compatible chat API or Ollama's own; a run sends
 * each image (downscaled JPEG) with a prompt and keeps every answer in the
 * session database as a suggestion beside the current caption. Nothing is
 * written to a caption until a person accepts it, through the one
 * conflict-checked, undoable path. API keys go in and never come back out:
 * the renderer only learns whether a backend has one.
 */

export const captionBackendKindSchema = z.enum(['openai', 'ollama']);
export type CaptionBackendKind = z.infer<typeof captionBackendKindSchema>;

const backendIdSchema = z.string().min(1).max(100);
const runIdSchema = z.number().int().min(1);
/** the longest caption a model's answer may give, after clean-up: longer is a runaway generation, failed with a reason */
export const CAPTION_MAX_CHARS = 20_000;

/** a backend's address; its messages finish "The server's address must be …" on the screen (see the backend form) */
export const baseUrlSchema = z
  .string()
  .max(2000, 'at most 2,000 characters long')
  .url('a URL such as http://127.0.0.1:11434')
  .refine((u) => /^https?:\/\//i.test(u), 'an http:// or https:// URL');

export const captionBackendSchema = z.object({
  id: backendIdSchema,
  name: z.string(),
  kind: captionBackendKindSchema,
  /** as the user gave it: `http://127.0.0.1:1234/v1` for an OpenAI-compatible server, `http://127.0.0.1:11434` for Ollama */
  baseUrl: z.string(),
  /** a key is stored (encrypted on the desktop); the key itself never leaves main */
  hasKey: z.boolean(),
});
export type CaptionBackend = z.infer<typeof captionBackendSchema>;

const backendPresetSchema = z.object({
  id: z.enum(['ollama', 'lm-studio', 'llama-cpp', 'vllm', 'custom']),
  label: z.string(),
  kind: captionBackendKindSchema,
  /** empty for custom */
  baseUrl: z.string(),
  /** hosted APIs want one; local servers usually do not */
  wantsKey: z.boolean(),
});

const promptPresetSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** a template: {tags}, {name}, {folder}, {trigger} are filled per image */
  prompt: z.string(),
  system: z.string(),
});

const cleanupRuleSchema = z.object({
  id: z.string(),
  /** what the rule removes, in a sentence the UI shows */
  description: z.string(),
});

const promptTextSchema = z.string().max(20_000);

export const captionRunRequestSchema = z.object({
  target: batchTargetSchema,
  /** several: requests go round them in turn, each with its own in-flight limit */
  backendIds: z.array(backendIdSchema).min(1).max(16),
  model: z.string().min(1).max(500),
  /** a preset's id, or a template of its own (one of the two) */
  promptPreset: z.string().max(100).optional(),
  prompt: promptTextSchema.optional(),
  /** empty: the preset's, or none */
  system: promptTextSchema.optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  maxTokens: z.number().int().min(1).max(32_768).optional(),
  /** the caption starts with this; the model is asked to go on from it */
  startWith: z.string().max(500).default(''),
  /** the clean-up rules (captioner.prompts lists them) applied to each answer */
  strip: z.boolean().default(true),
  /** asks for JSON matching this schema; the caption is its `caption` field (or the first string in it) */
  jsonSchema: z.record(z.string(), z.unknown()).optional(),
  /** the image's longest side as sent, in pixels */
  maxSide: z.number().int().min(64).max(4096).default(1024),
  /** requests in flight per backend */
  concurrency: z.number().int().min(1).max(64).default(2),
  /** per request */
  timeoutSeconds: z.number().min(1).max(3600).default(120),
  /** only the images a person rejected in this run (within the target) */
  onlyRejectedOf: runIdSchema.optional(),
}).refine((r) => (r.promptPreset === undefined) !== (r.prompt === undefined), {
  message: 'give either a prompt preset or a prompt',
  path: ['prompt'],
});
export type CaptionRunRequest = z.infer<typeof captionRunRequestSchema>;

const failureSchema = z.object({ imageId: imageIdSchema, name: z.string(), reason: z.string() });

const runSummarySchema = z.object({
  id: runIdSchema,
  model: z.string(),
  /** the backends' names at the time of the run */
  backends: z.array(z.string()),
  /** the template as sent (before {placeholders} were filled) */
  prompt: z.string(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  images: z.number().int(),
  pending: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  failed: z.number().int(),
});

const resultStatusSchema = z.enum(['pending', 'accepted', 'rejected', 'failed']);

const resultSchema = z.object({
  runId: runIdSchema,
  imageId: imageIdSchema,
  name: z.string(),
  status: resultStatusSchema,
  /** the caption now */
  current: z.string(),
  /** the caption the model proposes, cleaned up; null when the image failed */
  suggested: z.string().nullable(),
  /** the model's answer as received (for a failure: what came back, if anything) */
  raw: z.string(),
  /** why the image failed, or null */
  error: z.string().nullable(),
  model: z.string(),
  prompt: z.string(),
});

const reviewOutcomeSchema = z.object({
  changed: z.number().int(),
  conflicts: z.array(z.string()),
  refused: z.array(z.object({ name: z.string(), reason: z.string() })),
});

/** the images a review acts on: these, or every pending result of the run */
const reviewImagesSchema = z.union([z.array(imageIdSchema).min(1).max(1_000_000), z.literal('all-pending')]);

export const captionerChannels = {
  /** saved backends (no keys) and the presets to add one from */
  'captioner.backends': channel(
    z.object({}),
    z.object({ backends: z.array(captionBackendSchema), presets: z.array(backendPresetSchema) }),
  ),
  /**
   * add (no id) or update a backend. `apiKey`: a string stores it, null
   * removes it, absent keeps the one stored
   */
  'captioner.saveBackend': channel(
    z.object({
      id: backendIdSchema.optional(),
      name: z.string().min(1).max(200),
      kind: captionBackendKindSchema,
      baseUrl: baseUrlSchema,
      apiKey: z.string().min(1).max(4096).nullable().optional(),
    }),
    captionBackendSchema,
  ),
  'captioner.removeBackend': channel(z.object({ id: backendIdSchema }), z.object({})),
  /** the models the server offers (GET /v1/models, or /api/tags for Ollama) */
  'captioner.models': channel(z.object({ backendId: backendIdSchema }), z.object({ models: z.array(z.string()) })),
  /** reach the server and list its models; ok false with the server's own words when it fails */
  'captioner.test': channel(
    z.object({ backendId: backendIdSchema }),
    z.object({ ok: z.boolean(), message: z.string(), models: z.number().int() }),
  ),
  /** prompt presets, the placeholders a template may use, and the clean-up rules */
  'captioner.prompts': channel(
    z.object({}),
    z.object({ presets: z.array(promptPresetSchema), placeholders: z.array(z.string()), cleanupRules: z.array(cleanupRuleSchema) }),
  ),
  /**
   * caption the target; awaits the job (progress with the time left as job
   * events, cancelled with jobs.cancel). An unfinished run with the same
   * settings is taken up again: images it answered are not sent again.
   * Nothing is written to a caption.
   */
  'captioner.run': channel(
    captionRunRequestSchema,
    z.object({
      runId: runIdSchema,
      captioned: z.number().int(),
      failed: z.number().int(),
      /** answered before, by the unfinished run this one resumed */
      skipped: z.number().int(),
      cancelled: z.boolean(),
      failures: z.array(failureSchema),
    }),
  ),
  /** the dataset's caption runs, newest last */
  'captioner.runs': channel(z.object({}), z.array(runSummarySchema)),
  /** a run's results in dataset order, a page at a time */
  'captioner.results': channel(
    z.object({
      runId: runIdSchema,
      status: resultStatusSchema.optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    z.object({ total: z.number().int(), results: z.array(resultSchema) }),
  ),
  /** every run's result for one image, newest first: what produced its caption */
  'captioner.imageResults': channel(z.object({ imageId: imageIdSchema }), z.object({ results: z.array(resultSchema) })),
  /**
   * write suggestions into captions as one undoable step. `replace`: the
   * caption becomes the suggestion; `append`: the suggestion goes after the
   * existing tags. `edits` replace a suggestion with a person's text.
   */
  'captioner.accept': channel(
    z.object({
      runId: runIdSchema,
      images: reviewImagesSchema,
      mode: z.enum(['replace', 'append']),
      edits: z.array(z.object({ imageId: imageIdSchema, text: z.string().min(1).max(CAPTION_MAX_CHARS) })).max(1_000_000).default([]),
    }),
    reviewOutcomeSchema,
  ),
  /** turn suggestions down: nothing is written; `onlyRejectedOf` in a new run asks again for these */
  'captioner.reject': channel(z.object({ runId: runIdSchema, images: reviewImagesSchema }), z.object({ rejected: z.number().int() })),
} as const;
