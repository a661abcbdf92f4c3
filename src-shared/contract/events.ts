import { z } from 'zod';
import { editingEvents } from './editing';
import { imageDetailSchema, imageSummarySchema, jobKindSchema, sessionInfoSchema, statsSchema, tagCountSchema } from './models';

/** Everything main pushes to the renderer: what civitai-tagger sent over its WebSocket. */
export const events = {
  'job.progress': z.object({
    jobId: z.string(),
    kind: jobKindSchema,
    label: z.string(),
    done: z.number().int(),
    total: z.number().int(),
  }),
  'job.finished': z.object({
    jobId: z.string(),
    kind: jobKindSchema,
    outcome: z.enum(['done', 'cancelled', 'failed']),
    message: z.string().optional(),
  }),
  'session.changed': z.object({ session: sessionInfoSchema.nullable() }),
  /** rows whose status, tag count or size changed; `reset` when the list itself changed */
  'images.changed': z.object({ updated: z.array(imageSummarySchema), reset: z.boolean() }),
  /** a caption changed: by an edit here, or on disk by another program */
  'caption.changed': z.object({ source: z.enum(['app', 'disk']), image: imageDetailSchema }),
  'stats.changed': statsSchema,
  /** tags whose count changed; count 0 means the tag is gone from the dataset */
  'tags.changed': z.object({ changes: z.array(tagCountSchema) }),
  /** the shell asks the renderer to open a folder (drop, second launch, command line, menu) */
  'folder.requested': z.object({ path: z.string() }),
  'menu.command': z.object({
    command: z.enum(['open-folder', 'close-folder', 'save', 'next', 'previous', 'shortcuts', 'find-tag', 'undo', 'redo']),
  }),
  ...editingEvents,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
