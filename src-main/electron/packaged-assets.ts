import { join } from 'node:path';
import { app } from 'electron';

/**
 * The CLIP vocabulary and the tag list ship beside app.asar (electron-builder's
 * extraResources), not inside it: core looks for them where LORA_TAGGER_ASSETS
 * points. Set before anything starts a worker, which inherits the environment.
 * Unpackaged, core finds the repository's assets/ by itself.
 */
export function setupAssetsPath(): void {
  if (app.isPackaged && !process.env.LORA_TAGGER_ASSETS) {
    process.env.LORA_TAGGER_ASSETS = join(process.resourcesPath, 'assets');
  }
}
