import './setup';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupAssetsPath } from '../../src-main/electron/packaged-assets';
import { app } from './electron-stub';

afterEach(() => {
  vi.unstubAllEnvs();
  Reflect.deleteProperty(process, 'resourcesPath');
});

describe('setupAssetsPath', () => {
  it('points core at resources/assets in a packaged app', () => {
    vi.stubEnv('LORA_TAGGER_ASSETS', '');
    app.isPackaged = true;
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/LoRA Tagger/resources', configurable: true });
    setupAssetsPath();
    expect(process.env.LORA_TAGGER_ASSETS).toBe(join('/opt/LoRA Tagger/resources', 'assets'));
  });

  it('leaves it alone unpackaged, and when the user set it', () => {
    vi.stubEnv('LORA_TAGGER_ASSETS', '');
    setupAssetsPath();
    expect(process.env.LORA_TAGGER_ASSETS).toBe('');
    app.isPackaged = true;
    vi.stubEnv('LORA_TAGGER_ASSETS', '/custom');
    setupAssetsPath();
    expect(process.env.LORA_TAGGER_ASSETS).toBe('/custom');
  });
});
