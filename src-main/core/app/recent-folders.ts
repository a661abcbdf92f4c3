import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { describeFsError } from '../app-error';
import { writeFileAtomic } from '../fs/atomic-write';
import { readJsonFile } from '../fs/read-json-file';
import { SerialQueue } from '../session/serial-queue';

const MAX_RECENT = 12;

const recentSchema = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));
export type RecentFolder = z.infer<typeof recentSchema>[number];

/**
 * The welcome screen's list, in the app's own folder: most recent first.
 * Reads and changes of the file run one after another, in the order asked:
 * an open adds its folder without the open waiting for the write, and a
 * list or removal asked after it sees the folder.
 */
export class RecentFolders {
  private readonly file: string;
  private readonly turns = new SerialQueue<'file'>();

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'recent-folders.json');
  }

  /** For the welcome screen: a list that cannot be read shows as empty, said in the log, rather than fail the start. */
  list(): Promise<RecentFolder[]> {
    return this.turns.run('file', async () => {
      try {
        return await this.read();
      } catch (err) {
        console.warn(`[recent folders] ${(err as Error).message}`);
        return [];
      }
    });
  }

  /** Throws an AppError naming the file when the list cannot be read or saved. */
  add(path: string): Promise<void> {
    return this.turns.run('file', async () => {
      const rest = (await this.read()).filter((r) => r.path !== path);
      const next = [{ path, name: basename(path) || path, openedAt: new Date().toISOString() }, ...rest].slice(0, MAX_RECENT);
      await this.save(next);
    });
  }

  /** Throws an AppError naming the file when the list cannot be read or saved. */
  remove(path: string): Promise<void> {
    return this.turns.run('file', async () => this.save((await this.read()).filter((r) => r.path !== path)));
  }

  /** resolves once every change asked for so far is on disk, or has failed */
  settled(): Promise<void> {
    return this.turns.idle();
  }

  private async read(): Promise<RecentFolder[]> {
    try {
      // missing (nothing opened yet) or damaged: start a new list; the next save replaces it
      return (await readJsonFile(this.file, recentSchema)) ?? [];
    } catch (err) {
      throw describeFsError(err, `Cannot read the recent folders list ${this.file}`);
    }
  }

  private async save(list: RecentFolder[]): Promise<void> {
    try {
      // a fresh machine has no app folder until something is saved in it
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, Buffer.from(JSON.stringify(list, null, 2)));
    } catch (err) {
      throw describeFsError(err, `Cannot save the recent folders list ${this.file}`);
    }
  }
}

