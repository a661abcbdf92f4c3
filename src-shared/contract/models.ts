import { z } from 'zod';

/** Shapes shared by several channels and events. Images are named by id, never by path. */

export const imageIdSchema = z.number().int().nonnegative();

/** todo: no caption yet; tagged: a non-empty caption; skip: marked by the user to leave out. */
export const imageStatusSchema = z.enum(['todo', 'tagged', 'skip']);
export type ImageStatus = z.infer<typeof imageStatusSchema>;

export const imageSummarySchema = z.object({
  id: imageIdSchema,
  /** Path relative to the dataset folder, '/'-separated: for display only. */
  name: z.string(),
  status: imageStatusSchema,
  tagCount: z.number().int().nonnegative(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  /** the file's size on disk; null until its header is checked (a folder's first open lists it without a stat per image) */
  bytes: z.number().int().nonnegative().nullable(),
  hasConflict: z.boolean(),
});
export type ImageSummary = z.infer<typeof imageSummarySchema>;

/** as iconv-lite names them; the last five are the legacy CJK encodings (Shift-JIS, EUC-JP, GBK, Big5, EUC-KR) */
export const captionEncodingSchema = z.enum(['utf8', 'utf16le', 'utf16be', 'windows1252', 'shiftjis', 'eucjp', 'gbk', 'big5', 'euckr']);
export type CaptionEncoding = z.infer<typeof captionEncodingSchema>;

export const captionSchema = z.object({
  text: z.string(),
  tags: z.array(z.string()),
  /** false while no caption file exists beside the image */
  exists: z.boolean(),
  /** bumped on every change (an edit here or a write by another program); edits name the revision they start from */
  revision: z.number().int().nonnegative(),
  encoding: captionEncodingSchema,
  bom: z.boolean(),
  lineEnding: z.enum(['none', 'lf', 'crlf']),
});

export const conflictSchema = z.object({
  /** what the file on disk holds now */
  diskText: z.string(),
  /** the edit that was refused because the file had changed */
  mineText: z.string(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const imageDetailSchema = imageSummarySchema.extend({
  format: z.string().nullable(),
  caption: captionSchema,
  conflict: conflictSchema.nullable(),
  /** other images with the same stem, which share one caption file in every trainer */
  sharesStemWith: z.array(z.string()),
});
export type ImageDetail = z.infer<typeof imageDetailSchema>;

export const statsSchema = z.object({
  total: z.number().int(),
  tagged: z.number().int(),
  skipped: z.number().int(),
  remaining: z.number().int(),
  /** tagged ÷ (total − skipped), 0..100 */
  percent: z.number(),
});
export type Stats = z.infer<typeof statsSchema>;

export const skippedFileSchema = z.object({ name: z.string(), reason: z.string() });
export type SkippedFile = z.infer<typeof skippedFileSchema>;

export const sessionModeSchema = z.enum(['import', 'in-place']);
export type SessionMode = z.infer<typeof sessionModeSchema>;

export const sessionInfoSchema = z.object({
  /** the folder the user opened */
  root: z.string(),
  /** the folder whose images and captions are edited: root itself, or root/outputDir after an import */
  datasetDir: z.string(),
  name: z.string(),
  mode: sessionModeSchema,
  outputDir: z.string().nullable(),
  prefix: z.string(),
  separator: z.string(),
  captionMode: z.enum(['tags', 'text']),
  triggerWord: z.string().nullable(),
  /** autocomplete inserts list tags with spaces instead of underscores (settings.set) */
  underscoresToSpaces: z.boolean(),
  position: z.object({ index: z.number().int(), imageId: imageIdSchema.nullable() }),
  stats: statsSchema,
  skippedFiles: z.array(skippedFileSchema),
  stemClashes: z.array(z.array(z.string())),
  /** set when the folder came from civitai-tagger and was resumed from its session.json */
  resumedFrom: z.enum(['lora-tagger', 'civitai-tagger', 'new']),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const tagCountSchema = z.object({ name: z.string(), count: z.number().int().nonnegative() });
export type TagCount = z.infer<typeof tagCountSchema>;

/** history: an undo or redo, which restores one caption file per image of its step */
export const jobKindSchema = z.enum(['scan', 'import', 'thumbnails', 'batch', 'export', 'check', 'history', 'model-download', 'autotag', 'caption']);
export type JobKind = z.infer<typeof jobKindSchema>;
