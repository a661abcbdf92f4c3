import { basename, join } from 'node:path';
import { z } from 'zod';
import { readRegularFile } from '../fs/regular-file';

export const CIVITAI_SESSION_FILE = 'session.json';

/**
 * civitai-tagger kept its state in `<output>/session.json`:
 * `processed_images` (original path → copied path), `current_position` (the
 * image it was on: a file name or path) and `tags` (its master list). Fields
 * are read leniently: any of them may be missing in older versions.
 */
const civitaiSessionSchema = z.object({
  processed_images: z.record(z.string(), z.string()).catch({}).default({}),
  current_position: z.union([z.string(), z.number()]).nullable().catch(null).default(null),
  tags: z.array(z.string()).catch([]).default([]),
});

export interface CivitaiSession {
  processedImages: Map<string, string>;
  currentPosition: string | number | null;
  tags: string[];
}

/** null when there is no session.json; a session.json that does not parse gives an empty session, not an error */
export async function readCivitaiSession(dir: string): Promise<CivitaiSession | null> {
  let text: string;
  try {
    text = (await readRegularFile(join(dir, CIVITAI_SESSION_FILE))).toString('utf8');
  } catch {
    return null;
  }
  let json: unknown = {};
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // a damaged session.json must not block opening the images and captions beside it
  }
  const parsed = civitaiSessionSchema.safeParse(json);
  const data = parsed.success ? parsed.data : { processed_images: {}, current_position: null, tags: [] };
  return {
    processedImages: new Map(Object.entries(data.processed_images)),
    currentPosition: data.current_position,
    tags: data.tags,
  };
}

/**
 * Which image `current_position` names: an index into the list, a file name,
 * or a path ending in one of our relative paths.
 */
export function resolveCivitaiPosition(position: string | number | null, relPaths: readonly string[]): number | null {
  if (position === null) return null;
  if (typeof position === 'number' || /^\d+$/.test(position)) {
    const i = Number(position);
    return i >= 0 && i < relPaths.length ? i : null;
  }
  const normalized = position.replace(/\\/g, '/');
  const exact = relPaths.findIndex((r) => normalized === r || normalized.endsWith(`/${r}`));
  if (exact >= 0) return exact;
  const name = basename(normalized);
  const byName = relPaths.findIndex((r) => basename(r) === name);
  return byName >= 0 ? byName : null;
}
