import { z } from 'zod';
import { batchTargetSchema } from './batch-ops';
import { channel } from './define';
import { tagSchema } from './captions';
import { imageIdSchema } from './models';

/**
 * Tagging images with a WD14-family model. A run scores images and keeps
 * every score in the session database (nothing is written to a caption);
 * apply turns a run's scores into tags with thresholds that can change at
 * will, without running the model again, and writes them as one undoable step.
 */
const probability = z.number().min(0).max(1);

export const selectionSettingsSchema = z.object({
  general: probability.default(0.35),
  character: probability.default(0.85),
  /** MCut per category instead of the fixed thresholds */
  mcut: z.boolean().default(false),
  maxTags: z.number().int().min(1).max(1000).nullable().default(null),
  /** globs (`*_background`): tags never given */
  exclude: z.array(z.string().min(1).max(200)).max(1000).default([]),
  /** given to every image, after the trigger */
  always: z.array(tagSchema).max(100).default([]),
  underscoresToSpaces: z.boolean().default(false),
});

const runIdSchema = z.number().int().min(1);
const applyModeSchema = z.enum(['append', 'replace', 'suggest']);
const tagCategorySchema = z.enum(['general', 'character', 'rating']);
const tagSourceSchema = z.enum(['model', 'person']);
const scoredTagSchema = z.object({ tag: z.string(), score: probability, category: tagCategorySchema });

const runSchema = z.object({
  runId: z.number().int(),
  scored: z.number().int(),
  failed: z.number().int(),
  /** each image this run could not score, with why (an image that does not decode, a file gone) */
  failures: z.array(z.object({ name: z.string(), reason: z.string() })),
  /** scored by an earlier run of the same model that was cut short: not scored again */
  skipped: z.number().int(),
  cancelled: z.boolean(),
  provider: z.enum(['cpu', 'cuda', 'dml', 'coreml']),
  /** why a faster provider was not used, or null */
  fallback: z.string().nullable(),
});

export const autotagChannels = {
  /** score images with a model (a repository id installed by taggerModels.download, or a folder); awaits the job */
  'autotag.run': channel(
    z.object({
      model: z.string().min(1).max(4096),
      target: batchTargetSchema,
      provider: z.enum(['auto', 'cpu', 'cuda', 'dml', 'coreml']).default('auto'),
      /** images per model call, for a model whose batch size is not fixed */
      batchSize: z.number().int().min(1).max(1024).optional(),
    }),
    runSchema,
  ),
  /** the dataset's runs, newest last */
  'autotag.runs': channel(
    z.object({}),
    z.array(z.object({ id: z.number().int(), modelId: z.string(), startedAt: z.number(), finishedAt: z.number().nullable(), images: z.number().int() })),
  ),
  /**
   * write a run's tags into the captions of the target: one undoable step.
   * `suggest` writes nothing: the run and settings become the dataset's
   * suggestions, shown per image as ghost chips (autotag.suggestions), and
   * `changed` counts the images given at least one.
   */
  'autotag.apply': channel(
    z.object({ runId: runIdSchema, target: batchTargetSchema, mode: applyModeSchema, settings: selectionSettingsSchema }),
    z.object({ changed: z.number().int(), conflicts: z.array(z.string()), refused: z.array(z.object({ name: z.string(), reason: z.string() })) }),
  ),
  /**
   * what an apply with these settings would do, from the stored scores alone
   * (no model run): fast enough to call on every slider move
   */
  'autotag.preview': channel(
    z.object({ runId: runIdSchema, target: batchTargetSchema, mode: applyModeSchema, settings: selectionSettingsSchema }),
    z.object({
      /** images of the target the run has scores for */
      scored: z.number().int(),
      gaining: z.object({ images: z.number().int(), tags: z.number().int() }),
      losing: z.object({ images: z.number().int(), tags: z.number().int() }),
      unchanged: z.number().int(),
      /** each category's cut for these settings (MCut varies per image: its median) */
      cuts: z.object({ general: probability, character: probability }),
    }),
  ),
  /** how a tag's scores spread over the run's images: 20 bins of width 0.05 (scores under the floor are in bin 0) */
  'autotag.histogram': channel(
    z.object({ runId: runIdSchema, tag: tagSchema }),
    z.object({ tag: z.string(), category: tagCategorySchema.nullable(), images: z.number().int(), bins: z.array(z.number().int()).length(20) }),
  ),
  /**
   * an image's suggestions from the dataset's suggesting run (set by an apply
   * in `suggest` mode), highest score first: tags it does not have and a
   * person has not rejected for it. Empty, with runId null, when none is set.
   */
  'autotag.suggestions': channel(
    z.object({ imageId: imageIdSchema }),
    z.object({ runId: runIdSchema.nullable(), modelId: z.string().nullable(), suggestions: z.array(scoredTagSchema) }),
  ),
  /** a suggestion a person turned down: never suggested again for that image */
  'autotag.reject': channel(z.object({ imageId: imageIdSchema, tag: tagSchema }), z.object({})),
  /** where each of an image's tags came from: a model (which, with its score) or a person */
  'autotag.provenance': channel(
    z.object({ imageId: imageIdSchema }),
    z.object({ tags: z.array(z.object({ tag: z.string(), source: tagSourceSchema, modelId: z.string().nullable(), score: probability.nullable() })) }),
  ),
  /** the tags models wrote across the dataset and still there, most images first, with their mean score */
  'autotag.review': channel(
    z.object({}),
    z.object({ tags: z.array(z.object({ tag: z.string(), category: tagCategorySchema.nullable(), images: z.number().int(), meanScore: probability, modelIds: z.array(z.string()) })) }),
  ),
  /**
   * settle a model's tag everywhere in one step: `keep` makes it a person's
   * (it leaves the review and `source:model`), `remove` takes it out of every
   * caption a model put it in (one undoable step; a person's own stay)
   */
  'autotag.settle': channel(
    z.object({ tag: tagSchema, action: z.enum(['keep', 'remove']) }),
    z.object({ changed: z.number().int(), conflicts: z.array(z.string()) }),
  ),
} as const;
