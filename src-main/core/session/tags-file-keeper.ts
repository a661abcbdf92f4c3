import { join } from 'node:path';
import { TAGS_FILE, writeTagsFile } from '../vocabulary/tags-file';

const WRITE_DELAY_MS = 1000;

/**
 * Keeps civitai-tagger's `tags.txt` in step with the dataset: the tags it
 * listed before, plus every tag in use. Written a second after the last edit
 * (not on every keystroke), on save and on close; only in an import's output
 * folder, since a tag-in-place folder belongs to the user and its trainer.
 */
export class TagsFileKeeper {
  private timer: NodeJS.Timeout | null = null;
  private readonly known: string[];
  /** only a tag change rewrites tags.txt: opening and closing never does */
  private dirty = false;

  constructor(
    private readonly dir: string | null,
    private readonly separator: string,
    knownTags: readonly string[],
    private readonly inUse: () => string[],
  ) {
    this.known = [...knownTags];
  }

  /** tags from the old master list that no image carries */
  knownOnly(counts: ReadonlyMap<string, number>): string[] {
    return this.known.filter((t) => !counts.has(t));
  }

  schedule(): void {
    if (!this.dir) return;
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.writeNow().catch(() => undefined);
    }, WRITE_DELAY_MS);
    this.timer.unref?.();
  }

  async writeNow(): Promise<string | null> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dir) return null;
    if (!this.dirty) return join(this.dir, TAGS_FILE);
    this.dirty = false;
    const all = new Set(this.known);
    for (const t of this.inUse()) all.add(t);
    await writeTagsFile(this.dir, all, this.separator);
    return join(this.dir, TAGS_FILE);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
