import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runServe } from '../../src-main/serve/run-serve';
import { makeImages } from '../support/make-images';
import { useStandInRenderer } from '../support/stand-in-renderer';
import { makeTempDir } from '../support/temp-dir';

/** serve keeps a backend's API key in memory unless started with --keep-api-keys */
let tmp: ReturnType<typeof makeTempDir>;
let restoreRenderer: () => void;
beforeEach(async () => {
  tmp = makeTempDir();
  restoreRenderer = useStandInRenderer(tmp.path);
  await makeImages(join(tmp.path, 'set'), ['a.png']);
});
afterEach(() => {
  restoreRenderer();
  tmp.cleanup();
});

const appData = () => join(tmp.path, 'app-data');

async function saveKeyAndRestart(keepApiKeys: boolean): Promise<boolean> {
  const paths = { userDataDir: appData(), cacheDir: join(tmp.path, 'cache'), version: 'test' };
  const cmd = { folder: join(tmp.path, 'set'), host: '127.0.0.1', port: 0, keepApiKeys };
  const first = await runServe(cmd, paths, () => undefined);
  const saved = await first.api.invoke('captioner.saveBackend', { name: 'Hosted', kind: 'openai', baseUrl: 'https://api.example.com/v1', apiKey: 'sk-kept-or-not' });
  expect(saved).toMatchObject({ ok: true, value: { hasKey: true } });
  await first.close();
  const second = await runServe(cmd, paths, () => undefined);
  try {
    const listed = await second.api.invoke('captioner.backends', {});
    return (listed as { ok: true; value: { backends: { hasKey: boolean }[] } }).value.backends[0]!.hasKey;
  } finally {
    await second.close();
  }
}

describe('API keys over serve', () => {
  it('are gone after a restart by default, and never written', async () => {
    expect(await saveKeyAndRestart(false)).toBe(false);
    expect(existsSync(join(appData(), 'captioner-keys.json'))).toBe(false);
    expect(readFileSync(join(appData(), 'captioner-backends.json'), 'utf8')).not.toContain('sk-kept');
  });

  it('with --keep-api-keys, outlive a restart in a file only this user may read', async () => {
    expect(await saveKeyAndRestart(true)).toBe(true);
    const file = join(appData(), 'captioner-keys.json');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(appData(), 'captioner-backends.json'), 'utf8')).not.toContain('sk-kept');
  });
});
