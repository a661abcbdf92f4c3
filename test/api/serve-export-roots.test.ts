import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runServe } from '../../src-main/serve/run-serve';
import { makeImages, writeBytes } from '../support/make-images';
import { useStandInRenderer } from '../support/stand-in-renderer';
import { makeTempDir } from '../support/temp-dir';

/**
 * Over serve the token holder types the export path: it may be written only
 * beside the served folder (in its parent, where the dialog's default path
 * is) or inside the folder given with --export-dir, links followed.
 */

let tmp: ReturnType<typeof makeTempDir>;
let restoreRenderer: () => void;
const servers: Awaited<ReturnType<typeof runServe>>[] = [];

const work = (...parts: string[]) => join(tmp.path, 'work', ...parts);
const elsewhere = (...parts: string[]) => join(tmp.path, 'elsewhere', ...parts);

async function serve(exportDir: string | null = null) {
  const server = await runServe(
    { folder: work('set'), host: '127.0.0.1', port: 0, exportDir },
    { userDataDir: join(tmp.path, 'app-data'), cacheDir: join(tmp.path, 'cache'), version: 'test' },
    () => undefined,
  );
  servers.push(server);
  const opened = await server.api.invoke('session.open', { path: work('set'), setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  expect(opened.ok).toBe(true);
  return server.api;
}

/** a name nothing else uses: should the refusal break (as root, /etc is writable), the test removes what it wrote */
const inEtc = `/etc/lora-tagger-test-${randomBytes(6).toString('hex')}.zip`;
const zipTo = (path: string) => ({ target: 'civitai', out: { kind: 'zip', path } }) as const;
const refused = { ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/writes exports only inside .*--export-dir/) } };

beforeEach(async () => {
  tmp = makeTempDir();
  restoreRenderer = useStandInRenderer(tmp.path);
  await makeImages(work('set'), ['a.png', 'b.png']);
  writeBytes(work('set', 'a.txt'), 'red');
  mkdirSync(elsewhere());
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  rmSync(inEtc, { force: true });
  restoreRenderer();
  tmp.cleanup();
});

describe('export over serve', () => {
  it('refuses /etc and a folder outside the allowed ones, for the check and the run, and writes nothing', async () => {
    const api = await serve();
    expect(await api.invoke('export.run', zipTo(inEtc))).toMatchObject(refused);
    expect(existsSync(inEtc)).toBe(false);
    expect(await api.invoke('export.check', zipTo(elsewhere('set.zip')))).toMatchObject(refused);
    expect(await api.invoke('export.run', zipTo(elsewhere('set.zip')))).toMatchObject(refused);
    expect(await api.invoke('export.run', { target: 'kohya', out: { kind: 'folder', path: elsewhere('kohya') } })).toMatchObject(refused);
    expect(readdirSync(elsewhere())).toEqual([]);
  });

  it('refuses a path in the served folder’s parent that leads out through a link', async () => {
    symlinkSync(elsewhere(), work('exports'));
    const api = await serve();
    const result = await api.invoke('export.run', zipTo(work('exports', 'set.zip')));
    expect(result).toMatchObject(refused);
    expect(readdirSync(elsewhere())).toEqual([]);
  });

  it('writes an export in the served folder’s parent', async () => {
    const api = await serve();
    expect(await api.invoke('export.check', zipTo(work('set-civitai.zip')))).toMatchObject({ ok: true });
    const done = await api.invoke('export.run', zipTo(work('set-civitai.zip')));
    expect(done).toMatchObject({ ok: true, value: { written: 2, outPath: work('set-civitai.zip') } });
    expect(existsSync(work('set-civitai.zip'))).toBe(true);
  });

  it('writes an export inside the folder given with --export-dir', async () => {
    const api = await serve(elsewhere());
    const done = await api.invoke('export.run', zipTo(elsewhere('deep', '..', 'set.zip')));
    expect(done).toMatchObject({ ok: true, value: { written: 2 } });
    expect(readdirSync(elsewhere())).toEqual(['set.zip']);
    // /etc is still refused
    expect(await api.invoke('export.run', zipTo(inEtc))).toMatchObject(refused);
  });
});
