import { randomBytes } from 'node:crypto';
import { mkdir, opendir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';
import { readJsonFile } from '../fs/read-json-file';
import { partialInUse, sweepPartials } from './sweep-partials';

/**
 * A note in the app's own folder for each export while it runs, removed when
 * it ends. An export killed midway leaves its note behind, and the note tells
 * the next start where its partial files are, so they are swept even if no
 * export goes to that place again.
 */

const recordSchema = z.object({ finalPath: z.string(), partial: z.string() });

/** where the notes are kept, in the app's data folder */
export const runningExportsDir = (userDataDir: string): string => join(userDataDir, 'running-exports');

/**
 * Notes an export to `finalPath` writing `partial`. Returns the note to
 * forget when the export ends, or null when it could not be written (said in
 * the log): the export runs anyway, and the sweep before the next export to
 * the same place still finds what it leaves.
 */
export async function recordExport(dir: string, finalPath: string, partial: string): Promise<string | null> {
  const file = join(dir, `${randomBytes(8).toString('hex')}.json`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(file, Buffer.from(JSON.stringify({ finalPath, partial })));
    return file;
  } catch (err) {
    console.warn(`[export] cannot note the export in ${dir}: ${(err as Error).message}`);
    return null;
  }
}

export async function forgetExport(file: string | null): Promise<void> {
  if (file === null) return;
  await unlink(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') console.warn(`[export] cannot remove the note ${file}: ${err.message}`);
  });
}

/**
 * At start: sweeps the destination of every noted export that no longer runs,
 * then drops its note. Never throws; what it cannot do is said in the log.
 */
export async function sweepAbandonedExports(dir: string): Promise<void> {
  let entries;
  try {
    entries = await opendir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`[export] cannot read ${dir}: ${(err as Error).message}`);
    return;
  }
  for await (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    const file = join(dir, entry.name);
    try {
      const written = (await stat(file)).mtimeMs;
      const record = await readJsonFile(file, recordSchema);
      // a damaged note says nothing to sweep by: dropped
      if (record) {
        if (partialInUse(record.partial, written)) continue;
        await sweepPartials(record.finalPath);
      }
      await unlink(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`[export] cannot sweep after the export noted in ${file}: ${(err as Error).message}`);
    }
  }
}
