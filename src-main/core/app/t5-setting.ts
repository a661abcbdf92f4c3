import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { describeFsError } from '../app-error';
import { writeFileAtomic } from '../fs/atomic-write';
import { loadT5Tokenizer, type T5Tokenizer } from '../tokens/t5-tokenizer';

const SETTING_FILE = 't5-tokenizer.json';
const settingSchema = z.object({ path: z.string().min(1) });

/**
 * The T5 tokenizer.json the user pointed the app at (not ours to ship: it
 * belongs to the model). Its path is remembered in the app's own folder and
 * loaded on first use after a restart; a file that has gone or gone bad since
 * means no T5 count, not an error on every keystroke.
 */
export class T5Setting {
  private readonly file: string;
  private current: Promise<{ path: string; tokenizer: T5Tokenizer } | null> | null = null;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, SETTING_FILE);
  }

  /** the tokenizer in use, or null while none is chosen */
  async tokenizer(): Promise<T5Tokenizer | null> {
    this.current ??= this.loadRemembered();
    return (await this.current)?.tokenizer ?? null;
  }

  /** Use this tokenizer.json from now on. A file that is not one throws the loader's AppError and changes nothing. */
  async use(path: string): Promise<string> {
    const tokenizer = await loadT5Tokenizer(path);
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, Buffer.from(JSON.stringify({ path }, null, 2)));
    } catch (err) {
      throw describeFsError(err, `Cannot remember the tokenizer in ${this.file}`);
    }
    this.current = Promise.resolve({ path, tokenizer });
    return path;
  }

  private async loadRemembered(): Promise<{ path: string; tokenizer: T5Tokenizer } | null> {
    try {
      const setting = settingSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      if (!setting.success) return null;
      return { path: setting.data.path, tokenizer: await loadT5Tokenizer(setting.data.path) };
    } catch {
      return null; // never chosen, or the file is gone: no T5 count until the user picks one again
    }
  }
}
