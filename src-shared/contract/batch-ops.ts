import { z } from 'zod';
import { tagSchema } from './captions';
import { imageIdSchema } from './models';

/**
 * Dataset-wide tag edits. The renderer builds one of these and sends it over
 * IPC; main parses it here before anything is planned or written, so a bad
 * regular expression is refused with a sentence, never thrown later.
 */

const tagListSchema = z.array(tagSchema).min(1).max(1000);

/**
 * Why a user's pattern is not a valid regular expression, or null if it is.
 * Shared by the schema (main) and the editor (renderer, live as the user types).
 * The 'u' flag matches what the batch code compiles with, so `.` is one character
 * even for emoji.
 */
export function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'u');
    return null;
  } catch (err) {
    // V8 says "Invalid regular expression: /pattern/u: reason"; the user already sees their pattern
    const message = err instanceof Error ? err.message : String(err);
    const cut = message.lastIndexOf(': ');
    return `Invalid regular expression: ${cut >= 0 ? message.slice(cut + 2) : message}`;
  }
}

export const addOpSchema = z.object({
  type: z.literal('add'),
  tags: tagListSchema,
  position: z.enum(['start', 'end']),
});

export const removeOpSchema = z.object({
  type: z.literal('remove'),
  tags: tagListSchema,
  /** off by default: `Long hair` and `long hair` are different tags to a trainer */
  caseInsensitive: z.boolean().optional(),
});

export const replaceOpSchema = z
  .object({
    type: z.literal('replace'),
    find: z.string().min(1).max(1000),
    /** empty: what matched is removed (a whole tag, or the matched text inside one) */
    replace: z
      .string()
      .max(1000)
      // a caption is one line: a line break would split the tag the next time the file is read
      .regex(/^[^\r\n]*$/, 'the replacement cannot contain a line break'),
    /** regex: `replace` may use $1, $& and friends */
    mode: z.enum(['plain', 'regex']),
    scope: z.enum(['whole-tag', 'inside-tags']),
    caseSensitive: z.boolean(),
  })
  .superRefine((op, ctx) => {
    if (op.mode !== 'regex') return;
    const problem = regexProblem(op.find);
    if (problem) ctx.addIssue({ code: 'custom', path: ['find'], message: problem });
  });

export const sortOpSchema = z.object({
  type: z.literal('sort'),
  by: z.enum(['alpha', 'frequency']),
  /** the first N tags stay where they are: the trigger word, a rating tag */
  keepFirst: z.number().int().min(0).max(1000),
});

export const dedupeOpSchema = z.object({ type: z.literal('dedupe') });

export const renameOpSchema = z.object({ type: z.literal('rename'), from: tagSchema, to: tagSchema });

export const deleteOpSchema = z.object({ type: z.literal('delete'), tag: tagSchema });

export const batchOpSchema = z.discriminatedUnion('type', [
  addOpSchema,
  removeOpSchema,
  replaceOpSchema,
  sortOpSchema,
  dedupeOpSchema,
  renameOpSchema,
  deleteOpSchema,
]);

export type AddOp = z.infer<typeof addOpSchema>;
export type RemoveOp = z.infer<typeof removeOpSchema>;
export type ReplaceOp = z.infer<typeof replaceOpSchema>;
export type SortOp = z.infer<typeof sortOpSchema>;
export type RenameOp = z.infer<typeof renameOpSchema>;
export type BatchOp = z.infer<typeof batchOpSchema>;

/** Which images an operation applies to. Images are named by id, never by path. */
export const batchTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('selected'), ids: z.array(imageIdSchema).min(1).max(1_000_000) }),
  /** the image filter's query language, evaluated in main over the whole dataset */
  z.object({ kind: z.literal('filtered'), query: z.string().max(10_000) }),
  z.object({ kind: z.literal('all') }),
]);
export type BatchTarget = z.infer<typeof batchTargetSchema>;

/** One batch edit as a channel would receive it: what to do, and to which images. */
export const batchRequestSchema = z.object({ target: batchTargetSchema, op: batchOpSchema });
