import { z } from 'zod';
import { channel } from './define';
import { imageDetailSchema, imageIdSchema } from './models';

export const tagSchema = z.string().min(1).max(500);
const revisionSchema = z.number().int().nonnegative();

export const captionChannels = {
  /** replace an image's tags; refused as a conflict if `revision` is stale or the file changed on disk */
  'caption.setTags': channel(
    z.object({ id: imageIdSchema, tags: z.array(tagSchema).max(5000), revision: revisionSchema }),
    imageDetailSchema,
  ),
  /** free-text captions (natural language) */
  'caption.setText': channel(
    z.object({ id: imageIdSchema, text: z.string().max(100_000), revision: revisionSchema }),
    imageDetailSchema,
  ),
  /** settle a conflict: keep what is on disk, or write the refused edit over it */
  'caption.resolveConflict': channel(
    z.object({ id: imageIdSchema, keep: z.enum(['disk', 'mine']) }),
    imageDetailSchema,
  ),
} as const;
