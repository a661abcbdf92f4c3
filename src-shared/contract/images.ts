import { z } from 'zod';
import { channel } from './define';
import { imageDetailSchema, imageIdSchema, imageSummarySchema } from './models';

export const imageChannels = {
  'images.list': channel(z.object({}), z.object({ items: z.array(imageSummarySchema) })),
  'image.get': channel(z.object({ id: imageIdSchema }), imageDetailSchema),
  'image.setSkip': channel(z.object({ id: imageIdSchema, skip: z.boolean() }), imageDetailSchema),
} as const;
