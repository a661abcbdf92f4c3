import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The file an export leaves in the folder it writes. A folder holding it is
 * a trainer's copy, not a dataset: the folder walk (walk-folder.ts) never
 * takes it in, so an export that ends up inside a dataset or an import's
 * source (moved there, or written by an older version) is not read back as
 * new images. Hidden, so trainers that glob images never see it; zips carry
 * none, since a zip is never scanned.
 */
export const EXPORT_MARKER = '.lora-tagger-export';

export async function markExportFolder(dir: string): Promise<void> {
  await writeFile(join(dir, EXPORT_MARKER), 'Written by LoRA Tagger\'s export. LoRA Tagger does not scan or import this folder.\n');
}
