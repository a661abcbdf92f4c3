import { z } from 'zod';
import { channel } from './define';
import { imageIdSchema } from './models';

/** Which trainer the dataset is made for: each has its own layout and limits. */
export const exportTargetSchema = z.enum(['civitai', 'kohya', 'ai-toolkit']);
export type ExportTarget = z.infer<typeof exportTargetSchema>;

/** 'keep' keeps png, jpg and webp as they are and converts anything else to png. */
export const exportFormatSchema = z.enum(['keep', 'png', 'jpg', 'webp']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** how a dataset's captions are written: comma-separated tags, or free text */
export const captionModeSchema = z.enum(['tags', 'text']);
export type CaptionMode = z.infer<typeof captionModeSchema>;

/** kohya's folder name `<repeats>_<name>`: one path segment, nothing that climbs out */
const kohyaNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^/\\:*?"<>|]+$/, 'a single folder name without / \\ : * ? " < > |')
  .refine((s) => s !== '.' && s !== '..', 'not . or ..');

const bucketSide = z.number().int().min(64).max(8192);

export const kohyaOptionsSchema = z
  .object({
    repeats: z.number().int().min(1).max(10_000).default(10),
    name: kohyaNameSchema.default('dataset'),
    writeToml: z.boolean().default(true),
    resolution: bucketSide.default(1024),
    minBucket: bucketSide.default(256),
    maxBucket: bucketSide.default(1024),
    bucketStep: z.number().int().min(8).max(256).default(64),
  })
  // kohya refuses these at start-up; better to say so before writing anything
  .refine((k) => k.minBucket <= k.maxBucket, 'the smallest bucket is larger than the largest')
  .refine((k) => k.minBucket % k.bucketStep === 0 && k.maxBucket % k.bucketStep === 0, {
    message: 'bucket sizes must be multiples of the bucket step',
  })
  .refine((k) => k.resolution <= k.maxBucket, 'the resolution is larger than the largest bucket');
export type KohyaOptions = z.output<typeof kohyaOptionsSchema>;

export const exportOptionsSchema = z.object({
  target: exportTargetSchema,
  /** an absolute path chosen by the user: a folder to create, or a .zip file to write */
  out: z.object({ kind: z.enum(['folder', 'zip']), path: z.string().min(1).max(4096) }),
  /** put first in every caption (ai-toolkit: optionally written as its [trigger] placeholder) */
  trigger: z
    .string()
    .trim()
    .max(200)
    .regex(/^[^\r\n]*$/, 'one line')
    .nullable()
    .default(null)
    .transform((t) => (t === '' ? null : t)),
  /** longest side after export; null keeps the size (Civitai offers 2048) */
  maxSide: z.number().int().min(64).max(16_384).nullable().default(null),
  format: exportFormatSchema.default('keep'),
  jpgQuality: z.number().int().min(1).max(100).default(95),
  /** false strips EXIF, ICC, XMP and PNG text (prompts from A1111 and ComfyUI) */
  keepMetadata: z.boolean().default(false),
  /** what transparent pixels become: trainers read images as RGB */
  background: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
    .default('#ffffff'),
  rename: z.enum(['keep', 'renumber']).default('keep'),
  kohya: kohyaOptionsSchema.prefault({}),
  aiToolkitTriggerPlaceholder: z.boolean().default(false),
});
export type ExportOptionsInput = z.input<typeof exportOptionsSchema>;
export type ExportOptions = z.output<typeof exportOptionsSchema>;

/** Every kind of finding the pre-export check reports. */
export const checkKindSchema = z.enum([
  'too-many-images',
  'unreadable',
  'no-caption',
  'duplicate',
  'near-duplicate',
  'stem-clash',
  'too-small',
  'file-too-large',
  'extreme-aspect',
  'long-caption',
  'huge-caption',
  'caption-mode',
  'caption-encoding',
  'nul-in-caption',
  'skipped',
]);

export const checkLineSchema = z.object({
  kind: checkKindSchema,
  /** error: the export refuses or leaves images out; warning: it will train badly; info: worth knowing */
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** every image the line is about */
  imageIds: z.array(imageIdSchema),
  /** duplicates and stem clashes: the images that belong together */
  groups: z.array(z.array(imageIdSchema)).optional(),
});
export type CheckLine = z.infer<typeof checkLineSchema>;

export const bucketCountSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  count: z.number().int(),
  imageIds: z.array(imageIdSchema),
});
export type BucketCount = z.infer<typeof bucketCountSchema>;

export const checkReportSchema = z.object({
  /** images the export would write (not skipped) */
  imageCount: z.number().int(),
  lines: z.array(checkLineSchema),
  /** kohya's aspect buckets at the chosen resolution, largest first; images without a known size are left out */
  buckets: z.object({ resolution: z.number().int(), step: z.number().int(), counts: z.array(bucketCountSchema) }),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

export const exportSkipSchema = z.object({ id: imageIdSchema, name: z.string(), reason: z.string() });
export type ExportSkip = z.infer<typeof exportSkipSchema>;

export const exportSummarySchema = z.object({
  /** images written (each with its caption, when it has one) */
  written: z.number().int(),
  skipped: z.array(exportSkipSchema),
  /** what the user should know to train with it */
  notes: z.array(z.string()),
  outPath: z.string(),
});
export type ExportSummary = z.infer<typeof exportSummarySchema>;

export const exportChannels = {
  /** look the dataset over before exporting: nothing is written */
  'export.check': channel(exportOptionsSchema, checkReportSchema),
  /** write the dataset for a trainer; awaits the job, progress arrives as job events */
  'export.run': channel(exportOptionsSchema, exportSummarySchema),
} as const;
