import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

/**
 * The app's own small JSON files (settings, lists, notes): the content when it
 * parses and has the expected shape; null when the file is missing, damaged or
 * of another shape, which callers treat as "start afresh". Any other read
 * error (permission, I/O) is thrown unchanged for the caller to describe.
 */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
