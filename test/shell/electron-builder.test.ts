import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// electron-builder cannot run here (no Electron binary to package); its own
// schema check and a read of the keys that matter stand in for a build
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const root = new URL('../../', import.meta.url);
const config = yaml.load(readFileSync(new URL('electron-builder.yml', root), 'utf8')) as Record<string, unknown> &
  Record<'linux' | 'mac' | 'win', { target: string[]; icon: string }>;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('app.loratagger.desktop');
    expect(config.productName).toBe('LoRA Tagger');
  });

  it('ships the bundles and package.json in the archive, only native modules unpacked, rebuilt for Electron', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asar).toBe(true);
    // the app's own code (out/: main, workers, preload, renderer) stays under the integrity check
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**', 'node_modules/sharp/**', 'node_modules/@img/**', 'node_modules/onnxruntime-node/bin/**']);
    expect(config.npmRebuild).toBe(true);
  });

  it('ships the assets (vocabulary, tag list) with their licences as extra resources', () => {
    expect(config.extraResources).toEqual([{ from: 'assets', to: 'assets', filter: ['clip/**', 'tags/**'] }]);
    for (const licence of ['assets/clip/LICENSE', 'assets/tags/LICENSE']) expect(existsSync(new URL(licence, root))).toBe(true);
  });

  it('flips the fuses that turn the app into a plain Node, load code from outside its archive, or privilege file:// pages', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds AppImage + deb, dmg and nsis, with the icon it names', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Graphics', executableName: 'lora-tagger' });
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    for (const platform of ['linux', 'mac', 'win'] as const) expect(existsSync(new URL(config[platform].icon, root))).toBe(true);
  });
});
