import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/**
 * The app's folders when it runs without Electron (`lora-tagger serve` from
 * plain Node): the same places Electron's app.getPath would choose, with
 * environment overrides for tests and scripts.
 */
export function defaultUserDataDir(): string {
  if (process.env.LORA_TAGGER_USER_DATA) return process.env.LORA_TAGGER_USER_DATA;
  const home = homedir();
  if (platform() === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'LoRA Tagger');
  if (platform() === 'darwin') return join(home, 'Library', 'Application Support', 'LoRA Tagger');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'LoRA Tagger');
}

export function defaultCacheDir(): string {
  if (process.env.LORA_TAGGER_CACHE) return process.env.LORA_TAGGER_CACHE;
  const home = homedir();
  if (platform() === 'win32') return join(process.env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'LoRA Tagger', 'Cache');
  if (platform() === 'darwin') return join(home, 'Library', 'Caches', 'LoRA Tagger');
  return join(process.env.XDG_CACHE_HOME ?? join(home, '.cache'), 'lora-tagger');
}
