import { z } from 'zod';
import { channel } from './define';
import { imageIdSchema, sessionInfoSchema, sessionModeSchema } from './models';

/** folder and file names the user types: one path segment, nothing that climbs out */
export const segmentSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^/\\:*?"<>|]+$/, 'a single folder name without / \\ : * ? " < > |')
  .refine((s) => s !== '.' && s !== '..', 'not . or ..');

export const sessionChannels = {
  /**
   * Open a folder. A folder seen before (ours or civitai-tagger's) resumes; a new one
   * needs `setup`. Awaits the scan or import; progress arrives as job events.
   */
  'session.open': channel(
    z.object({
      path: z.string().min(1),
      setup: z
        .object({ mode: sessionModeSchema, outputDir: segmentSchema, prefix: segmentSchema })
        .optional(),
    }),
    sessionInfoSchema,
  ),
  'session.current': channel(z.object({}), sessionInfoSchema.nullable()),
  'session.close': channel(z.object({}), z.object({})),
  /** every edit is already durable; this confirms it and rewrites tags.txt */
  'session.save': channel(z.object({}), z.object({ captions: z.number().int(), tagsFile: z.string() })),
  'session.goto': channel(z.object({ imageId: imageIdSchema }), z.object({ index: z.number().int() })),
  'jobs.cancel': channel(z.object({ jobId: z.string() }), z.object({ cancelled: z.boolean() })),
} as const;
