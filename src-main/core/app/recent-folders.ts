import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

const MAX_RECENT = 12;

const recentSchema = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));
export type RecentFolder = z.infer<typeof recentSchema>[number];

/** The welcome screen's list, in the app's own folder: most recent first. */
export class RecentFolders {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'recent-folders.json');
  }

  async list(): Promise<RecentFolder[]> {
    try {
      const parsed = recentSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return []; // missing or damaged: start an empty list rather than fail the welcome screen
    }
  }

  async add(path: string): Promise<void> {
    const rest = (await this.list()).filter((r) => r.path !== path);
    const next = [{ path, name: basename(path) || path, openedAt: new Date().toISOString() }, ...rest].slice(0, MAX_RECENT);
    await this.save(next);
  }

  async remove(path: string): Promise<void> {
    await this.save((await this.list()).filter((r) => r.path !== path));
  }

  private async save(list: RecentFolder[]): Promise<void> {
    await writeFileAtomic(this.file, Buffer.from(JSON.stringify(list, null, 2)));
  }
}
