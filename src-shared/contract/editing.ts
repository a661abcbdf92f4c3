import { z } from 'zod';
import { batchOpSchema, batchTargetSchema } from './batch-ops';
import { channel } from './define';
import { imageIdSchema, sessionInfoSchema, tagCountSchema } from './models';

/** Dataset-wide editing: the filter, batch edits with a preview, undo and redo, per-dataset settings. */

/** the longest caption text tokens.count takes: counting is for captions a model reads, a few hundred characters */
export const TOKEN_COUNT_MAX_CHARS = 100_000;

export const queryErrorSchema = z.object({ message: z.string(), start: z.number().int(), end: z.number().int() });

export const historyStateSchema = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** "Add tags to 37 images", "Edit img_004.png": what Ctrl+Z would undo */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
});
export type HistoryState = z.infer<typeof historyStateSchema>;

export const batchChangeSchema = z.object({
  id: imageIdSchema,
  name: z.string(),
  before: z.array(z.string()),
  after: z.array(z.string()),
});

export const tagCategorySchema = z.enum(['general', 'artist', 'copyright', 'character', 'meta', 'unknown']);
export const suggestionSchema = z.object({
  /** what to insert */
  name: z.string(),
  count: z.number().int().nonnegative(),
  category: tagCategorySchema,
  source: z.enum(['dataset', 'recent', 'list']),
  /** the alias the query matched, when it was an alias of `name` */
  aliasOf: z.string().optional(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const editingChannels = {
  /** the image filter; a bad query is a value (marked inline), not an error */
  'images.filter': channel(
    z.object({ query: z.string().max(10_000) }),
    z.object({ ids: z.array(imageIdSchema).nullable(), error: queryErrorSchema.nullable() }),
  ),
  /** tags all the given images share, and those only some have */
  'selection.summary': channel(
    z.object({ ids: z.array(imageIdSchema).max(200_000) }),
    z.object({ shared: z.array(z.string()), partial: z.array(tagCountSchema) }),
  ),
  /** how many images a batch edit would change, with the first few changes; nothing is written */
  'batch.preview': channel(
    z.object({ target: batchTargetSchema, op: batchOpSchema }),
    z.object({ changes: z.number().int(), targeted: z.number().int(), sample: z.array(batchChangeSchema) }),
  ),
  /**
   * run a batch edit as one undoable step; files changed by another program meanwhile are left alone
   * and listed (conflicts), as are files that may not take the edit, with the reason (refused: read-only…)
   */
  'batch.apply': channel(
    z.object({ target: batchTargetSchema, op: batchOpSchema }),
    z.object({
      changed: z.number().int(),
      conflicts: z.array(z.string()),
      refused: z.array(z.object({ name: z.string(), reason: z.string() })),
    }),
  ),
  'history.state': channel(z.object({}), historyStateSchema),
  /** undo the last step (one edit or one batch): every caption it touched back to its bytes before */
  'history.undo': channel(z.object({}), historyStateSchema.extend({ restored: z.number().int(), conflicts: z.array(z.string()) })),
  'history.redo': channel(z.object({}), historyStateSchema.extend({ restored: z.number().int(), conflicts: z.array(z.string()) })),
  /** per-dataset settings */
  'settings.set': channel(
    z.object({
      triggerWord: z.string().max(200).nullable().optional(),
      captionMode: z.enum(['tags', 'text']).optional(),
      underscoresToSpaces: z.boolean().optional(),
    }),
    sessionInfoSchema,
  ),
  /** autocomplete: this dataset's tags, then recent ones, then the tag lists (Danbooru and imported) */
  'tags.complete': channel(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(100).default(12) }),
    z.object({ items: z.array(suggestionSchema) }),
  ),
  /** import a tag list (tagcomplete CSV or a plain list); with no path, the desktop app asks with a dialog */
  'vocab.import': channel(
    z.object({ path: z.string().min(1).optional() }),
    z.object({ source: z.string().nullable(), tags: z.number().int(), skipped: z.number().int() }),
  ),
  'vocab.lists': channel(z.object({}), z.object({ lists: z.array(z.object({ source: z.string(), tags: z.number().int() })) })),
  'vocab.remove': channel(z.object({ source: z.string() }), z.object({})),
  /** CLIP tokens (of 75) and, once a T5 tokenizer.json is chosen, T5 tokens (of 512) */
  'tokens.count': channel(
    z.object({ text: z.string().max(TOKEN_COUNT_MAX_CHARS) }),
    z.object({ clip: z.number().int(), clipLimit: z.number().int(), t5: z.number().int().nullable(), t5Limit: z.number().int() }),
  ),
  /** point the app at a T5 tokenizer.json; with no path, the desktop app asks with a dialog */
  'tokens.setT5': channel(z.object({ path: z.string().min(1).optional() }), z.object({ path: z.string().nullable() })),
} as const;

export const editingEvents = {
  'history.changed': historyStateSchema,
} as const;
