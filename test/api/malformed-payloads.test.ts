import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import { channelNames } from '../../src-shared/contract';
import { makeImages, writeBytes } from '../support/make-images';
import { makeTempDir } from '../support/temp-dir';

const tmp = makeTempDir();
const dir = join(tmp.path, 'set');
let api: ReturnType<typeof createApiHost>;

function snapshot(): string[] {
  return readdirSync(dir)
    .filter((n) => !n.startsWith('.'))
    .sort()
    .map((n) => `${n}:${readFileSync(join(dir, n)).toString('base64')}`);
}

beforeAll(async () => {
  await makeImages(dir, ['a.png', 'b.png']);
  writeBytes(join(dir, 'a.txt'), 'one, two');
  api = createApiHost({
    transport: 'serve',
    userDataDir: join(tmp.path, 'data'),
    cacheDir: join(tmp.path, 'cache'),
    servedFolder: null,
    version: 'test',
  });
  const opened = await api.invoke('session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  expect(opened.ok).toBe(true);
});

afterAll(async () => {
  await api.shutdown();
  tmp.cleanup();
});

/** not an object at all: every channel must refuse these */
const notObjects: unknown[] = [42, 'caption.txt', ['a'], true, null];

/** well-formed JSON with the wrong shapes, per channel that takes fields */
const wrongShapes: Record<string, unknown[]> = {
  'folder.probe': [{ path: '' }, { path: 42 }, {}],
  'recent.remove': [{ path: 1 }],
  'session.open': [
    { path: 7 },
    { path: dir, setup: { mode: 'copy', outputDir: 'out', prefix: 'img' } },
    { path: dir, setup: { mode: 'import', outputDir: '../escape', prefix: 'img' } },
    { path: dir, setup: { mode: 'import', outputDir: 'out', prefix: 'a/b' } },
  ],
  'session.goto': [{ imageId: '1' }, { imageId: -1 }, { imageId: 1.5 }],
  'jobs.cancel': [{ jobId: 5 }],
  'image.get': [{ id: '../a.png' }, { id: join(dir, 'a.png') }, { id: -3 }, {}],
  'image.setSkip': [{ id: 1, skip: 'yes' }, { id: 'a.png', skip: true }],
  'caption.setTags': [
    { id: 1, tags: 'a, b', revision: 0 },
    { id: 1, tags: [1, 2], revision: 0 },
    { id: 1, tags: [''], revision: 0 },
    { id: 1, tags: ['a'], revision: 'latest' },
    { id: 1, tags: ['a'], revision: 0, path: join(dir, 'a.txt') },
    { path: join(dir, 'a.txt'), tags: ['a'], revision: 0 },
  ],
  'caption.setText': [{ id: 1, text: 5, revision: 0 }, { id: 1, text: 'x', revision: 0, file: '/etc/passwd' }],
  'caption.resolveConflict': [{ id: 1, keep: 'both' }],
  'tags.suggest': [{ query: 5 }, { query: 'a', limit: 0 }, { query: 'a', limit: 1000 }],
  'app.info': [{ path: '/etc' }],
};

describe('every channel rejects malformed payloads, and nothing is written', () => {
  it.each(channelNames)('%s', async (channel) => {
    const before = snapshot();
    for (const payload of [...notObjects, ...(wrongShapes[channel] ?? [{ unexpected: 'field' }])]) {
      const result = await api.invoke(channel, payload);
      expect(result, `${channel} accepted ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
    expect(snapshot()).toEqual(before);
  });

  it('rejects an unknown channel', async () => {
    expect(await api.invoke('fs.writeFile', { path: '/tmp/x', data: 'y' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers a well-formed request after all that', async () => {
    const list = await api.invoke('images.list', { offset: 0, limit: 100 });
    expect(list).toMatchObject({ ok: true });
  });
});
