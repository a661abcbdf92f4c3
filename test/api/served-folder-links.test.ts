import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import { makeImages, writeBytes } from '../support/make-images';
import { callApi as call } from '../support/api-call';
import { makeTempDir } from '../support/temp-dir';

/**
 * Over serve, a path a payload names is judged by where it really leads: a
 * symbolic link in the served folder that points out of it must not open,
 * read or write the folder it points to.
 */

let tmp: ReturnType<typeof makeTempDir>;
const hosts: ReturnType<typeof createApiHost>[] = [];

function host(transport: 'serve' | 'electron' = 'serve', servedFolder = served()) {
  const api = createApiHost({
    transport,
    userDataDir: join(tmp.path, 'app-data'),
    cacheDir: join(tmp.path, 'cache'),
    servedFolder: transport === 'serve' ? servedFolder : null,
    version: 'test',
  });
  hosts.push(api);
  return api;
}

const served = (...parts: string[]) => join(tmp.path, 'served', ...parts);
const outside = (...parts: string[]) => join(tmp.path, 'outside', ...parts);
const IN_PLACE = { mode: 'in-place', outputDir: 'output', prefix: 'img' } as const;
const refusedThroughLink = { ok: false, error: { code: 'invalid-input', message: expect.stringContaining('symbolic link') } };

beforeEach(async () => {
  tmp = makeTempDir();
  await makeImages(served('set'), ['a.png']);
  await makeImages(outside(), ['secret.png']);
  writeBytes(outside('secret.txt'), 'private caption');
});
afterEach(async () => {
  for (const api of hosts.splice(0)) await api.shutdown();
  tmp.cleanup();
});

describe('session.open and folder.probe over serve', () => {
  it('refuses a link in the served folder that points out, and writes nothing where it points', async () => {
    symlinkSync(outside(), served('escape'));
    const api = host();
    expect(await api.invoke('folder.probe', { path: served('escape') })).toMatchObject(refusedThroughLink);
    expect(await api.invoke('session.open', { path: served('escape'), setup: IN_PLACE })).toMatchObject(refusedThroughLink);
    expect(existsSync(outside('.lora-tagger'))).toBe(false);
    expect(readdirSync(outside()).sort()).toEqual(['secret.png', 'secret.txt']);
    // the server keeps working: the served folder itself still opens
    expect((await call(api, 'session.open', { path: served('set'), setup: IN_PLACE })).stats.total).toBe(1);
  });

  it('refuses an import whose output folder is a link out of the served folder, before creating anything there', async () => {
    symlinkSync(outside(), served('set', 'output'));
    const api = host();
    const opened = await api.invoke('session.open', { path: served('set'), setup: { mode: 'import', outputDir: 'output', prefix: 'img' } });
    expect(opened).toMatchObject(refusedThroughLink);
    expect(readdirSync(outside()).sort()).toEqual(['secret.png', 'secret.txt']);
  });

  it('does not resume a session found through a link out of the served folder', async () => {
    // a dataset set up on the desktop, outside the served folder
    const desktop = host('electron');
    await call(desktop, 'session.open', { path: outside(), setup: IN_PLACE });
    await desktop.shutdown();
    symlinkSync(outside(), served('set', 'output'));

    const opened = await host().invoke('session.open', { path: served('set') });
    expect(opened).toMatchObject(refusedThroughLink);
    expect(readFileSync(outside('secret.txt'), 'utf8')).toBe('private caption');
  });

  it('does not import originals from outside the served folder when it is an import’s output folder', async () => {
    // set up on the desktop: outside/ holds the originals, outside/output the copies
    const desktop = host('electron');
    await call(desktop, 'session.open', { path: outside(), setup: { mode: 'import', outputDir: 'output', prefix: 'img' } });
    await desktop.shutdown();
    await makeImages(outside(), ['new-original.png']);
    const before = readdirSync(outside('output')).sort();

    const opened = await host('serve', outside('output')).invoke('session.open', { path: outside('output') });
    expect(opened).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(outside()) } });
    expect(readdirSync(outside('output')).sort()).toEqual(before);
  });

  it('opens a link that stays inside the served folder', async () => {
    symlinkSync(served('set'), served('alias'));
    const info = await call(host(), 'session.open', { path: served('alias'), setup: IN_PLACE });
    expect(info.stats.total).toBe(1);
    expect(existsSync(served('set', '.lora-tagger'))).toBe(true);
  });
});

describe('vocab.import and tokens.setT5 through a link', () => {
  it('over serve: refuses a link to a file outside the served folder, or into a folder outside it', async () => {
    writeBytes(outside('list.csv'), 'outside_tag,0,5,');
    symlinkSync(outside('list.csv'), served('list.csv'));
    symlinkSync(outside(), served('lists'));
    const api = host();
    expect(await api.invoke('vocab.import', { path: served('list.csv') })).toMatchObject(refusedThroughLink);
    expect(await api.invoke('vocab.import', { path: served('lists', 'list.csv') })).toMatchObject(refusedThroughLink);
    expect(await api.invoke('tokens.setT5', { path: served('lists', 'secret.txt') })).toMatchObject(refusedThroughLink);
    expect(await call(api, 'vocab.lists', {})).toEqual({ lists: [] });
    expect(existsSync(join(tmp.path, 'app-data', 'tag-lists'))).toBe(false);
  });

  it('over serve: reads a link to a list inside the served folder', async () => {
    writeBytes(served('lists', 'mine.csv'), 'inside_tag,0,5,');
    symlinkSync(served('lists', 'mine.csv'), served('mine-link.csv'));
    expect(await call(host(), 'vocab.import', { path: served('mine-link.csv') })).toMatchObject({ source: 'mine-link.csv', tags: 1 });
  });

  it('on the desktop: refuses a link in the open folder to a file outside it', async () => {
    symlinkSync(outside('secret.txt'), served('set', 'list.txt'));
    const desktop = host('electron');
    await call(desktop, 'session.open', { path: served('set'), setup: IN_PLACE });
    expect(await desktop.invoke('vocab.import', { path: served('set', 'list.txt') })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('dialog') },
    });
  });
});
