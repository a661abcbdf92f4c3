import { cpSync, existsSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import type { ApiHost } from '../../src-main/api/api-host';
import { callApi } from '../support/api-call';
import { makeImages, writeBytes } from '../support/make-images';
import { makeTempDir } from '../support/temp-dir';

/**
 * An export must never come back as part of the dataset it was made from:
 * not by being written inside the import's source (the next open imported it
 * again: 72 images became 143), and not by being scanned when a copy of it
 * sits inside a dataset folder.
 */

let tmp: ReturnType<typeof makeTempDir>;
let api: ApiHost;
const at = (...parts: string[]) => join(tmp.path, ...parts);
const importSetup = { mode: 'import', outputDir: 'output', prefix: 'img' } as const;
const inPlaceSetup = { mode: 'in-place', outputDir: 'output', prefix: 'img' } as const;
const folderExport = (path: string) => ({ target: 'ai-toolkit', out: { kind: 'folder', path } }) as const;

beforeEach(async () => {
  tmp = makeTempDir();
  await makeImages(at('shoot'), ['a.png', 'b.png', 'c.png']);
  writeBytes(at('shoot', 'a.txt'), 'red, cat');
  api = createApiHost({ transport: 'electron', userDataDir: at('app-data'), cacheDir: at('cache'), servedFolder: null, version: 'test' });
});
afterEach(async () => {
  await api.shutdown();
  tmp.cleanup();
});

async function reopen(setup?: typeof importSetup | typeof inPlaceSetup) {
  await callApi(api, 'session.close', {});
  return callApi(api, 'session.open', setup ? { path: at('shoot'), setup } : { path: at('shoot') });
}

describe('an export and the folder it came from', () => {
  it('refuses a destination inside the folder an import copies from, and writes nothing there', async () => {
    const opened = await callApi(api, 'session.open', { path: at('shoot'), setup: importSetup });
    expect(opened.stats.total).toBe(3);
    const refused = await api.invoke('export.run', folderExport(at('shoot', 'shoot-ai-toolkit')));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining(`outside the folder the images are imported from ${at('shoot')}`) },
    });
    // the dataset itself, inside the source, is refused as before
    expect(await api.invoke('export.run', folderExport(at('shoot', 'output', 'x')))).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(readdirSync(at('shoot')).sort()).toEqual(['a.png', 'a.txt', 'b.png', 'c.png', 'output']);

    expect(await reopen()).toMatchObject({ stats: { total: 3 } });
  });

  it('keeps N images at N after an export lands in the import source and the folder is opened again', async () => {
    await callApi(api, 'session.open', { path: at('shoot'), setup: importSetup });
    // beside the source, as the dialog now offers; then moved in by hand, as an older version wrote it
    await callApi(api, 'export.run', folderExport(at('shoot-ai-toolkit')));
    renameSync(at('shoot-ai-toolkit'), at('shoot', 'shoot-ai-toolkit'));
    expect(readdirSync(at('shoot', 'shoot-ai-toolkit'))).toContain('.lora-tagger-export');

    const again = await reopen();
    expect(again.stats.total).toBe(3);
    expect(readdirSync(at('shoot', 'output')).filter((n) => n.endsWith('.png'))).toHaveLength(3);
  });

  it('does not scan an exported folder that sits inside a tag-in-place dataset', async () => {
    await callApi(api, 'session.open', { path: at('shoot'), setup: inPlaceSetup });
    await callApi(api, 'export.run', folderExport(at('set-ai-toolkit')));
    await callApi(api, 'session.close', {});
    cpSync(at('set-ai-toolkit'), at('shoot', 'exports', 'set-ai-toolkit'), { recursive: true });

    const again = await callApi(api, 'session.open', { path: at('shoot') });
    expect(again.stats.total).toBe(3);
    const list = await callApi(api, 'images.list', { offset: 0, limit: 100 });
    expect(JSON.stringify(list)).not.toContain('set-ai-toolkit');
    expect(existsSync(at('shoot', 'exports', 'set-ai-toolkit', 'a.png'))).toBe(true);
  });
});
