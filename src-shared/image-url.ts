import { z } from 'zod';
import type { ImageKind } from './tagger-api';

/** The path part both transports use for images: `image/<id>/<kind>`; the scheme or host differs. */
export const imagePath = (id: number, kind: ImageKind): string => `image/${id}/${kind}`;

const imagePathSchema = z.object({
  id: z.coerce.number().int().nonnegative(),
  kind: z.enum(['thumb', 'preview', 'full']),
});

/** Parse `image/<id>/<kind>` (leading slashes allowed); null for anything else. */
export function parseImagePath(path: string): { id: number; kind: ImageKind } | null {
  const match = /^\/*image\/(\d{1,12})\/([a-z]+)\/?$/.exec(path);
  if (!match) return null;
  const parsed = imagePathSchema.safeParse({ id: match[1], kind: match[2] });
  return parsed.success ? parsed.data : null;
}

/** the custom scheme the Electron shell serves images on */
export const IMAGE_SCHEME = 'lt-image';
