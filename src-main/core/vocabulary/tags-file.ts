import { join } from 'node:path';
import { decodeCaption } from '../captions/caption-codec';
import { normalizeTag } from '../../../src-shared/tag-text';
import { writeFileAtomic } from '../fs/atomic-write';
import { readRegularFile } from '../fs/regular-file';

export const TAGS_FILE = 'tags.txt';

/**
 * civitai-tagger's master list, `tags.txt` in the output folder. We write it
 * as tags joined by ", "; we read that and the one-tag-per-line form older
 * versions wrote.
 */
export async function readTagsFile(dir: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(join(dir, TAGS_FILE)); // a named pipe by that name would block the open
  } catch {
    return [];
  }
  const { text } = decodeCaption(bytes);
  const parts = text.includes(',') ? text.split(',') : text.split(/\r?\n/);
  const seen = new Set<string>();
  for (const p of parts) {
    const tag = normalizeTag(p);
    if (tag) seen.add(tag);
  }
  return [...seen];
}

export function formatTagsFile(tags: Iterable<string>, separator: string): string {
  return [...tags].join(separator);
}

/** Writes only when the content differs: an unchanged list is never rewritten. */
export async function writeTagsFile(dir: string, tags: Iterable<string>, separator: string): Promise<boolean> {
  const content = Buffer.from(formatTagsFile(tags, separator), 'utf8');
  const path = join(dir, TAGS_FILE);
  const current = await readRegularFile(path).catch(() => null);
  if (current && current.equals(content)) return false;
  await writeFileAtomic(path, content);
  return true;
}
