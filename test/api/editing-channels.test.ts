import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import type { ChannelInput, ChannelName } from '../../src-shared/contract';
import { makeImages, writeBytes } from '../support/make-images';
import { callApi } from '../support/api-call';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let api: ReturnType<typeof createApiHost>;
let dir: string;
const events: { event: string; payload: unknown }[] = [];

const PROSE = 'A young woman with long red hair stands in a field of sunflowers at sunset, smiling softly at the camera.';

function host() {
  return createApiHost({
    transport: 'serve',
    userDataDir: join(tmp.path, 'app-data'),
    cacheDir: join(tmp.path, 'cache'),
    servedFolder: tmp.path,
    version: 'test',
  });
}

/** invokes a channel and unwraps its value; a failed call fails the test with its error */
const call = <K extends ChannelName>(channel: K, payload: ChannelInput<K>) => callApi(api, channel, payload);

async function openSet(captions: Record<string, string>) {
  dir = join(tmp.path, 'set');
  await makeImages(dir, Object.keys(captions).map((s) => `${s}.png`));
  for (const [stem, text] of Object.entries(captions)) writeBytes(join(dir, `${stem}.txt`), text);
  api = host();
  api.subscribe((event, payload) => events.push({ event, payload }));
  const info = await call('session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  const items = (await call('images.list', { offset: 0, limit: 100 })).items;
  return { info, id: (stem: string) => items.find((i) => i.name === `${stem}.png`)!.id };
}

const read = (stem: string) => readFileSync(join(dir, `${stem}.txt`), 'utf8');

beforeEach(() => {
  tmp = makeTempDir();
  events.length = 0;
});
afterEach(async () => {
  await api.shutdown();
  tmp.cleanup();
});

describe('images.filter', () => {
  it('answers the matching ids in dataset order, and keeps up with edits', async () => {
    const { id } = await openSet({ a: 'red, hat', b: 'blue', c: 'red hat, smile', d: '' });
    expect(await call('images.filter', { query: 'tag:red OR tags:=0' })).toEqual({ ids: [id('a'), id('d')], error: null });
    expect(await call('images.filter', { query: '' })).toEqual({ ids: [id('a'), id('b'), id('c'), id('d')], error: null });

    const b = await call('image.get', { id: id('b') });
    await call('caption.setTags', { id: id('b'), tags: ['blue', 'red'], revision: b.caption.revision });
    expect((await call('images.filter', { query: 'tag:red' })).ids).toEqual([id('a'), id('b')]);
    await call('image.setSkip', { id: id('a'), skip: true });
    expect((await call('images.filter', { query: 'tag:red -status:skip' })).ids).toEqual([id('b')]);
  });

  it('filters a caption that can no longer be read as the list shows it: empty, though the index keeps the text it had', async () => {
    const { id } = await openSet({ a: 'red', b: 'secret, tags' });
    expect((await call('images.filter', { query: 'tag:secret' })).ids).toEqual([id('b')]);
    await call('session.close', {});
    rmSync(join(dir, 'b.txt'));
    mkdirSync(join(dir, 'b.txt'));
    await call('session.open', { path: dir });
    // a reopen shows the index, then checks the folder, where b.txt is now a folder
    await api.workspace.requireSession().whenIdle();
    expect((await call('image.get', { id: id('b') })).caption.text).toBe('');
    expect((await call('images.filter', { query: 'tag:secret' })).ids).toEqual([]);
    expect((await call('images.filter', { query: 'status:todo' })).ids).toEqual([id('b')]);
  });

  it('returns a bad query as a marked error, not a failure', async () => {
    await openSet({ a: 'red' });
    const answer = await call('images.filter', { query: 'tag:red AND (' });
    expect(answer.ids).toBeNull();
    expect(answer.error).toMatchObject({ message: expect.any(String), start: expect.any(Number), end: expect.any(Number) });
  });
});

describe('selection.summary', () => {
  it('lists the tags every selected image has and those only some have', async () => {
    const { id } = await openSet({ a: 'red, hat, smile', b: 'hat, red', c: 'hat' });
    expect(await call('selection.summary', { ids: [id('a'), id('b'), 9999] })).toEqual({
      shared: ['red', 'hat'],
      partial: [{ name: 'smile', count: 1 }],
    });
  });
});

describe('batch edits and history through the api', () => {
  it('previews, applies as a job, and undoes and redoes the files byte for byte', async () => {
    await openSet({ a: 'old, keep', b: 'keep', c: 'old' });
    const op = { type: 'rename', from: 'old', to: 'new' } as const;
    const preview = await call('batch.preview', { target: { kind: 'all' }, op });
    expect(preview).toMatchObject({ changes: 2, targeted: 3 });
    expect(preview.sample.map((s) => s.after)).toEqual([['new', 'keep'], ['new']]);

    expect(await call('batch.apply', { target: { kind: 'all' }, op })).toEqual({ changed: 2, conflicts: [], refused: [] });
    expect([read('a'), read('b'), read('c')]).toEqual(['new, keep', 'keep', 'new']);
    expect(events.some((e) => e.event === 'job.finished' && (e.payload as { kind: string }).kind === 'batch')).toBe(true);
    expect(await call('history.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Rename “old” to “new” in 2 images' });

    expect(await call('history.undo', {})).toMatchObject({ restored: 2, conflicts: [], canRedo: true });
    expect([read('a'), read('b'), read('c')]).toEqual(['old, keep', 'keep', 'old']);
    expect(await call('history.redo', {})).toMatchObject({ restored: 2, canRedo: false });
    expect([read('a'), read('c')]).toEqual(['new, keep', 'new']);
    expect(events.filter((e) => e.event === 'history.changed').length).toBeGreaterThanOrEqual(3);
    // the undo and the redo showed their progress, as a batch does, to the last file
    const history = events.filter((e) => e.event === 'job.progress' && (e.payload as { kind: string }).kind === 'history');
    expect(history.at(-1)?.payload).toMatchObject({ label: 'Redoing: Rename “old” to “new” in 2 images', done: 2, total: 2 });
    expect(history.some((e) => (e.payload as { label: string }).label.startsWith('Undoing: '))).toBe(true);
  });

  it('refuses a bad regular expression before anything is planned', async () => {
    await openSet({ a: 'x' });
    const result = await api.invoke('batch.apply', {
      target: { kind: 'all' },
      op: { type: 'replace', find: '(', replace: '', mode: 'regex', scope: 'whole-tag', caseSensitive: true },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(read('a')).toBe('x');
  });
});

describe('settings.set', () => {
  it('keeps the trigger word first in single edits and in batch edits', async () => {
    const { id } = await openSet({ a: 'zebra, mychar, apple', b: 'b' });
    const info = await call('settings.set', { triggerWord: '  mychar ' });
    expect(info.triggerWord).toBe('mychar');
    expect(events.some((e) => e.event === 'session.changed')).toBe(true);

    const b = await call('image.get', { id: id('b') });
    await call('caption.setTags', { id: id('b'), tags: ['b', 'mychar'], revision: b.caption.revision });
    expect(read('b')).toBe('mychar, b');

    await call('batch.apply', { target: { kind: 'selected', ids: [id('a')] }, op: { type: 'sort', by: 'alpha', keepFirst: 0 } });
    expect(read('a')).toBe('mychar, apple, zebra');
  });

  it('refuses a trigger word that would be two tags', async () => {
    await openSet({ a: 'x' });
    expect(await api.invoke('settings.set', { triggerWord: 'a, b' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('keeps every setting across a reopen', async () => {
    await openSet({ a: 'x' });
    await call('settings.set', { triggerWord: 'trig', captionMode: 'text', underscoresToSpaces: true });
    await call('session.close', {});
    const info = await call('session.open', { path: dir });
    expect(info).toMatchObject({ triggerWord: 'trig', captionMode: 'text', underscoresToSpaces: true });
    expect(await call('settings.set', { triggerWord: null, captionMode: 'tags' })).toMatchObject({
      triggerWord: null,
      captionMode: 'tags',
      underscoresToSpaces: true,
    });
  });

  it('guesses text mode when most of a new folder’s captions are prose', async () => {
    const { info } = await openSet({ a: PROSE, b: PROSE, c: 'tag, list' });
    expect(info.captionMode).toBe('text');
  });
});

describe('caption.setTags', () => {
  it('takes one more tag on a caption of 60,000 tags, and it becomes a recent tag', async () => {
    const tags = Array.from({ length: 60_000 }, (_, i) => `tag${i}`);
    const { id } = await openSet({ a: tags.join(', ') });
    const detail = await call('image.get', { id: id('a') });
    await call('caption.setTags', { id: id('a'), tags: [...tags, 'added tag'], revision: detail.caption.revision });
    expect(read('a')).toBe(`${tags.join(', ')}, added tag`);
    expect((await call('tags.recent', {})).tags[0]).toBe('added tag');
  });
});
