import { z } from 'zod';
import { channel } from './define';

export const recentFolderSchema = z.object({ path: z.string(), name: z.string(), openedAt: z.string() });

export const appChannels = {
  /** what the welcome screen needs: version, recent folders, whether a native dialog exists */
  'app.info': channel(
    z.object({}),
    z.object({
      version: z.string(),
      transport: z.enum(['electron', 'serve']),
      canPickFolder: z.boolean(),
      recent: z.array(recentFolderSchema),
      /** folders the serve transport was started with: the only ones it opens */
      servedFolder: z.string().nullable(),
    }),
  ),
  /** native folder dialog; 'unsupported' over the browser transport */
  'folder.pick': channel(z.object({}), z.object({ path: z.string().nullable() })),
  /** look at a folder before opening it: is it set up already, how many images, can we write */
  'folder.probe': channel(
    z.object({ path: z.string().min(1) }),
    z.object({
      path: z.string(),
      name: z.string(),
      imageCount: z.number().int(),
      captionCount: z.number().int(),
      hasSession: z.boolean(),
      civitaiSession: z.boolean(),
      writable: z.boolean(),
      outputDir: z.string(),
      prefix: z.string(),
    }),
  ),
  'recent.remove': channel(z.object({ path: z.string() }), z.object({})),
} as const;
