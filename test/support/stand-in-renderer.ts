import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Points the server at a one-line page in `base` instead of the built
 * renderer, so a test that starts a server needs no `npm run build` (the
 * unit tests run before it, in a fresh clone). Returns the undo.
 */
export function useStandInRenderer(base: string): () => void {
  const dir = join(base, 'renderer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>LoRA Tagger</title>');
  const before = process.env.LORA_TAGGER_RENDERER_DIR;
  process.env.LORA_TAGGER_RENDERER_DIR = dir;
  return () => {
    if (before === undefined) delete process.env.LORA_TAGGER_RENDERER_DIR;
    else process.env.LORA_TAGGER_RENDERER_DIR = before;
  };
}
