import { z } from 'zod';
import { channel } from './define';
import { tagCountSchema } from './models';

export const tagChannels = {
  /** the master list: every tag in the dataset with its count */
  'tags.list': channel(z.object({}), z.object({ tags: z.array(tagCountSchema) })),
  'tags.recent': channel(z.object({}), z.object({ tags: z.array(z.string()) })),
  'tags.suggest': channel(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(100).default(12) }),
    z.object({ items: z.array(tagCountSchema) }),
  ),
} as const;
