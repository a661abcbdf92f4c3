import { z } from 'zod';
import { channel } from './define';
import { imageDetailSchema, imageIdSchema, imageSummarySchema } from './models';

/**
 * The most summaries one images.list answer (or images.changed event)
 * carries: the JSON of a whole large list would be made in one go on main's
 * event loop; a page's takes a small part of a turn.
 */
export const IMAGE_LIST_PAGE = 5_000;

export const imageChannels = {
  /** a page of the list; `version` changes whenever the list does, so pages of two versions are never taken as one list */
  'images.list': channel(
    z.object({ offset: z.number().int().nonnegative(), limit: z.number().int().min(1).max(IMAGE_LIST_PAGE) }),
    z.object({ items: z.array(imageSummarySchema), total: z.number().int().nonnegative(), version: z.number().int().nonnegative() }),
  ),
  'image.get': channel(z.object({ id: imageIdSchema }), imageDetailSchema),
  'image.setSkip': channel(z.object({ id: imageIdSchema, skip: z.boolean() }), imageDetailSchema),
} as const;
