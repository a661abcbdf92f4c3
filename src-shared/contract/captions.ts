import { z } from 'zod';
import { channel } from './define';
import { imageDetailSchema, imageIdSchema } from './models';

export const tagSchema = z.string().min(1).max(500);
/** the most tags caption.setTags takes: far past any caption a model reads, so every caption met on disk stays editable */
const CAPTION_MAX_TAGS = 200_000;
const revisionSchema = z.number().int().nonnegative();

export const captionChannels = {
  /** replace an image's tags; refused as a conflict if `revision` is stale or the file changed on disk */
  'caption.setTags': channel(
    // a caption read from disk has no tag limit: at 5,000 an image with a 60,000-tag caption took no new tag
    z.object({ id: imageIdSchema, tags: z.array(tagSchema).max(CAPTION_MAX_TAGS), revision: revisionSchema }),
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
