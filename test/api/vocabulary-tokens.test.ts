import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import { makeImages, writeBytes } from '../support/make-images';
import { callApi as call } from '../support/api-call';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
const hosts: ReturnType<typeof createApiHost>[] = [];

/** a host over `serve` whose served folder is the test's folder, with its own app folder */
function host(options: { pickFile?: string | null } = {}) {
  const api = createApiHost({
    transport: 'serve',
    userDataDir: join(tmp.path, 'app-data'),
    cacheDir: join(tmp.path, 'cache'),
    servedFolder: join(tmp.path, 'served'),
    version: 'test',
    ...(options.pickFile !== undefined ? { pickFile: async () => options.pickFile! } : {}),
  });
  hosts.push(api);
  return api;
}

const served = (...parts: string[]) => join(tmp.path, 'served', ...parts);

beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(async () => {
  for (const api of hosts.splice(0)) await api.shutdown();
  tmp.cleanup();
});

const LIST = ['my_custom_tag,0,500,', 'other_tag,4,300,"my_alias,second alias"', 'longbow,0,100,'].join('\n');

describe('tags.complete', () => {
  it('ranks this dataset’s tags first, then recent ones, then the tag lists', async () => {
    const dir = served('set');
    await makeImages(dir, ['a.png', 'b.png', 'c.png']);
    writeBytes(join(dir, 'a.txt'), 'long coat, longsword');
    writeBytes(join(dir, 'b.txt'), 'long coat');
    const api = host();
    await call(api, 'session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    // "long scarf" was typed on c and taken off again: recent, not in the dataset
    const c = (await call(api, 'images.list', { offset: 0, limit: 100 })).items.find((i) => i.name === 'c.png')!;
    const added = await call(api, 'caption.setTags', { id: c.id, tags: ['long scarf'], revision: 0 });
    await call(api, 'caption.setTags', { id: c.id, tags: [], revision: added.caption.revision });
    writeBytes(served('list.csv'), LIST);
    await call(api, 'vocab.import', { path: served('list.csv') });

    const { items } = await call(api, 'tags.complete', { query: 'long', limit: 12 });
    expect(items.slice(0, 4)).toEqual([
      { name: 'long coat', count: 2, category: 'unknown', source: 'dataset' },
      { name: 'longsword', count: 1, category: 'unknown', source: 'dataset' },
      { name: 'long scarf', count: 0, category: 'unknown', source: 'recent' },
      { name: 'longbow', count: 100, category: 'general', source: 'list' },
    ]);

    // the shipped Danbooru list joins the list tier once loaded; the dataset still comes first
    await api.workspace.vocabulary.loadShipped();
    const withDanbooru = (await call(api, 'tags.complete', { query: 'long', limit: 12 })).items;
    expect(withDanbooru.slice(0, 3).map((s) => s.source)).toEqual(['dataset', 'dataset', 'recent']);
    expect(withDanbooru.find((s) => s.name === 'long_hair')).toMatchObject({ source: 'list', category: 'general' });
  });

  it('suggests the main tag for an alias, with spaces for underscores when the dataset asks for it', async () => {
    const dir = served('set');
    await makeImages(dir, ['a.png']);
    const api = host();
    await call(api, 'session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    writeBytes(served('list.csv'), LIST);
    await call(api, 'vocab.import', { path: served('list.csv') });
    expect((await call(api, 'tags.complete', { query: 'my_al', limit: 5 })).items[0]).toEqual({
      name: 'other_tag',
      count: 300,
      category: 'character',
      source: 'list',
      aliasOf: 'my_alias',
    });
    await call(api, 'settings.set', { underscoresToSpaces: true });
    expect((await call(api, 'tags.complete', { query: 'my_cu', limit: 5 })).items.map((s) => s.name)).toEqual(['my custom tag']);
  });
});

describe('vocab.import, vocab.lists, vocab.remove', () => {
  it('keeps an imported list in the app’s folder, loads it at the next start, and removes it', async () => {
    writeBytes(served('list.csv'), LIST);
    const first = host();
    expect(await call(first, 'vocab.import', { path: served('list.csv') })).toEqual({ source: 'list.csv', tags: 3, skipped: 0 });
    const copy = join(tmp.path, 'app-data', 'tag-lists', 'list.csv');
    expect(readFileSync(copy, 'utf8')).toBe(LIST);
    await first.shutdown();

    const second = host();
    await second.workspace.vocabulary.ready;
    expect(await call(second, 'vocab.lists', {})).toEqual({ lists: [{ source: 'list.csv', tags: 3 }] });
    expect((await call(second, 'tags.complete', { query: 'my_cu', limit: 5 })).items.map((s) => s.name)).toEqual(['my_custom_tag']);

    await call(second, 'vocab.remove', { source: 'list.csv' });
    expect(await call(second, 'vocab.lists', {})).toEqual({ lists: [] });
    expect(existsSync(copy)).toBe(false);
    expect((await call(second, 'tags.complete', { query: 'my_cu', limit: 5 })).items).toEqual([]);
  });

  it('keeps every list in suggestions when another comes or goes, even once the imported file is gone', async () => {
    const api = host();
    await api.workspace.vocabulary.loadShipped();
    writeBytes(served('list.csv'), LIST);
    await call(api, 'vocab.import', { path: served('list.csv') });
    rmSync(served('list.csv'));
    writeBytes(served('more.txt'), 'my_second_list_tag\n');
    await call(api, 'vocab.import', { path: served('more.txt') });
    await call(api, 'vocab.remove', { source: 'more.txt' });
    // both rebuilds parsed Danbooru's list and list.csv again, from the shipped file and the app's copy
    const names = async (query: string) => (await call(api, 'tags.complete', { query, limit: 5 })).items.map((s) => s.name);
    expect(await names('my_cu')).toEqual(['my_custom_tag']);
    expect(await names('long_hai')).toContain('long_hair');
    expect(await names('my_second')).toEqual([]);
  });

  it('reads a list again from its copy in the app’s folder when another comes or goes: no list is kept in memory but the index', async () => {
    const api = host();
    writeBytes(served('list.csv'), LIST);
    await call(api, 'vocab.import', { path: served('list.csv') });
    // the copy changed behind the app's back (a newer list put there by hand): the next rebuild reads what is there
    writeBytes(join(tmp.path, 'app-data', 'tag-lists', 'list.csv'), 'my_replaced_tag,0,500,\n');
    writeBytes(served('more.txt'), 'my_second_list_tag\n');
    await call(api, 'vocab.import', { path: served('more.txt') });
    const names = async (query: string) => (await call(api, 'tags.complete', { query, limit: 5 })).items.map((s) => s.name);
    expect(await names('my_re')).toEqual(['my_replaced_tag']);
    expect(await names('my_cu')).toEqual([]);
    expect(await names('my_second')).toEqual(['my_second_list_tag']);
  });

  it('does not import a list it cannot keep a copy of: it is neither listed nor suggested', async () => {
    const api = host();
    writeBytes(join(tmp.path, 'app-data', 'tag-lists'), 'a file where the folder of copies would be');
    writeBytes(served('list.csv'), LIST);
    const answer = await api.invoke('vocab.import', { path: served('list.csv') });
    expect(answer.ok).toBe(false);
    expect(JSON.stringify(answer)).toContain('Cannot keep a copy of list.csv');
    expect(await call(api, 'vocab.lists', {})).toEqual({ lists: [] });
    expect((await call(api, 'tags.complete', { query: 'my_cu', limit: 5 })).items).toEqual([]);
  });

  it('reads a relative path from the served folder, as the field asks, not from where the server started', async () => {
    writeBytes(served('lists', 'mine.csv'), LIST);
    expect(await call(host(), 'vocab.import', { path: 'lists/mine.csv' })).toEqual({ source: 'mine.csv', tags: 3, skipped: 0 });
    expect(await host().invoke('vocab.import', { path: '../outside.csv' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/outside\.csv is not inside it$/) },
    });
  });

  it('reads a plain list, and counts lines it could not read', async () => {
    writeBytes(served('plain.txt'), `alpha\nbeta, gamma\n${'x'.repeat(300)}\n`);
    expect(await call(host(), 'vocab.import', { path: served('plain.txt') })).toEqual({ source: 'plain.txt', tags: 3, skipped: 1 });
  });

  it('refuses a file outside the served folder, a file with no tags, and an unknown list', async () => {
    const api = host();
    writeBytes(join(tmp.path, 'outside.csv'), LIST);
    expect(await api.invoke('vocab.import', { path: join(tmp.path, 'outside.csv') })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    writeBytes(served('empty.txt'), '\n\n');
    expect(await api.invoke('vocab.import', { path: served('empty.txt') })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.invoke('vocab.remove', { source: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(existsSync(join(tmp.path, 'app-data', 'tag-lists', 'empty.txt'))).toBe(false);
  });

  it('on the desktop, reads a path the renderer names only inside the open folder', async () => {
    const desktop = createApiHost({
      transport: 'electron',
      userDataDir: join(tmp.path, 'app-data'),
      cacheDir: join(tmp.path, 'cache'),
      servedFolder: null,
      version: 'test',
      pickFile: async () => null,
    });
    hosts.push(desktop);
    writeBytes(join(tmp.path, 'secret.txt'), 'do not read me');
    expect(await desktop.invoke('vocab.import', { path: join(tmp.path, 'secret.txt') })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const dir = served('set');
    await makeImages(dir, ['a.png']);
    writeBytes(join(dir, 'lists', 'mine.csv'), LIST);
    await call(desktop, 'session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    expect(await call(desktop, 'vocab.import', { path: join(dir, 'lists', 'mine.csv') })).toMatchObject({ source: 'mine.csv', tags: 3 });
    expect(await desktop.invoke('tokens.setT5', { path: join(tmp.path, 'secret.txt') })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('dialog') },
    });
  });

  it('asks with a dialog when no path is given, where there is one', async () => {
    expect(await host().invoke('vocab.import', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    writeBytes(served('picked.csv'), LIST);
    expect(await call(host({ pickFile: served('picked.csv') }), 'vocab.import', {})).toMatchObject({ source: 'picked.csv', tags: 3 });
    expect(await call(host({ pickFile: null }), 'vocab.import', {})).toEqual({ source: null, tags: 0, skipped: 0 });
  });
});

/** the smallest tokenizer.json of T5's kind: Unigram over Metaspace pieces */
const T5_JSON = {
  added_tokens: [],
  normalizer: null,
  pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
  model: { type: 'Unigram', unk_id: 0, vocab: [['<unk>', 0], ['▁a', -1], ['▁cat', -1], ['▁', -2], ['a', -3], ['c', -3], ['t', -3]] },
};

describe('tokens.count and tokens.setT5', () => {
  it('counts CLIP tokens of 75, and T5 tokens of 512 once a tokenizer.json is chosen, remembered across a restart', async () => {
    const api = host();
    expect(await call(api, 'tokens.count', { text: 'a photo of a cat' })).toEqual({ clip: 5, clipLimit: 75, t5: null, t5Limit: 512 });
    expect(
      (await call(api, 'tokens.count', { text: '1girl, solo, long_hair, (masterpiece:1.2), best quality, artist name' })).clip,
    ).toBe(21);

    writeBytes(served('tokenizer.json'), JSON.stringify(T5_JSON));
    expect(await call(api, 'tokens.setT5', { path: served('tokenizer.json') })).toEqual({ path: served('tokenizer.json') });
    expect(await call(api, 'tokens.count', { text: 'a cat' })).toMatchObject({ clip: 2, t5: 2 });
    await api.shutdown();

    expect(await call(host(), 'tokens.count', { text: 'a cat' })).toMatchObject({ t5: 2 });
  });

  it('refuses a file that is not a T5 tokenizer with the loader’s reason, keeping the one in use', async () => {
    const api = host();
    writeBytes(served('tokenizer.json'), JSON.stringify(T5_JSON));
    await call(api, 'tokens.setT5', { path: served('tokenizer.json') });
    writeBytes(served('bad.json'), JSON.stringify({ model: { type: 'BPE' } }));
    const refused = await api.invoke('tokens.setT5', { path: served('bad.json') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('not "Unigram"') } });
    expect(await call(api, 'tokens.count', { text: 'a cat' })).toMatchObject({ t5: 2 });
    expect(await api.invoke('tokens.setT5', {})).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});
