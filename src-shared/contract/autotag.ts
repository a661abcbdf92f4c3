import { z } from 'zod';
import { batchTargetSchema } from './batch-ops';
import { channel } from './define';
import { tagSchema } from './captions';

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

const runSchema = z.object({
  runId: z.number().int(),
  scored: z.number().int(),
  failed: z.number().int(),
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
  /** write a run's tags into the captions of the target: one undoable step */
  'autotag.apply': channel(
    z.object({ runId: z.number().int().min(1), target: batchTargetSchema, mode: z.enum(['append', 'replace']), settings: selectionSettingsSchema }),
    z.object({ changed: z.number().int(), conflicts: z.array(z.string()), refused: z.array(z.object({ name: z.string(), reason: z.string() })) }),
  ),
} as const;
