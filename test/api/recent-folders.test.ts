import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import { makeImages, writeBytes } from '../support/make-images';
import { runFixture } from '../support/run-fixture';
import { callApi as call } from '../support/api-call';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** the desktop transport: the only one that shows the recent list */
const host = (userDataDir: string) =>
  createApiHost({ transport: 'electron', userDataDir, cacheDir: join(tmp.path, 'cache'), servedFolder: null, version: 'test' });

const recentPaths = async (userDataDir: string) => {
  const api = host(userDataDir);
  try {
    return (await call(api, 'app.info', {})).recent.map((r) => r.path);
  } finally {
    await api.shutdown();
  }
};

describe('the recent folders list', () => {
  it('is saved on a fresh machine whose app folder does not exist yet, and a folder can be removed from it', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png']);
    const userDataDir = join(tmp.path, 'fresh', 'user-data');
    const first = host(userDataDir);
    await call(first, 'session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    await first.shutdown();

    const saved = JSON.parse(readFileSync(join(userDataDir, 'recent-folders.json'), 'utf8')) as { path: string }[];
    expect(saved.map((r) => r.path)).toEqual([dir]);
    expect(await recentPaths(userDataDir)).toEqual([dir]);

    const second = host(userDataDir);
    expect(await call(second, 'recent.remove', { path: dir })).toEqual({});
    await second.shutdown();
    expect(await recentPaths(userDataDir)).toEqual([]);
  });

  it('an open saves its folder in the background, in order with the list and removals asked after it', async () => {
    const [a, b] = [join(tmp.path, 'a'), join(tmp.path, 'b')];
    await makeImages(a, ['a.png']);
    await makeImages(b, ['b.png']);
    const userDataDir = join(tmp.path, 'user-data');
    const api = host(userDataDir);
    try {
      // each asked at once after the open's answer, before anything is awaited
      await call(api, 'session.open', { path: a, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
      const afterA = call(api, 'app.info', {});
      await call(api, 'session.open', { path: b, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
      const removed = call(api, 'recent.remove', { path: a });
      const afterRemoval = call(api, 'app.info', {});
      expect((await afterA).recent.map((r) => r.path)).toEqual([a]);
      await removed;
      expect((await afterRemoval).recent.map((r) => r.path)).toEqual([b]);
    } finally {
      await api.shutdown();
    }
    expect(await recentPaths(userDataDir)).toEqual([b]);
  });

  it('removing from a list never saved creates the app folder instead of failing', async () => {
    const userDataDir = join(tmp.path, 'fresh', 'user-data');
    const api = host(userDataDir);
    expect(await api.invoke('recent.remove', { path: join(tmp.path, 'gone') })).toEqual({ ok: true, value: {} });
    await api.shutdown();
    expect(existsSync(join(userDataDir, 'recent-folders.json'))).toBe(true);
  });

  it('cannot be saved in a read-only app folder: the open still works, the removal says why', async () => {
    const dir = join(tmp.path, 'set');
    await makeImages(dir, ['a.png']);
    const userDataDir = join(tmp.path, 'user-data');
    mkdirSync(userDataDir);
    const file = join(userDataDir, 'recent-folders.json');
    const before = JSON.stringify([{ path: dir, name: 'set', openedAt: '2024-01-01T00:00:00.000Z' }]);
    writeBytes(file, before);
    chmodSync(userDataDir, 0o555);
    try {
      const run = await runFixture(
        resolve(__dirname, 'fixtures/recent-in-read-only-app-folder.ts'),
        [dir, userDataDir, join(tmp.path, 'cache')],
        { permissionsApply: true },
      );
      const result = JSON.parse(run.out);
      expect(result.opened).toBe(true);
      expect(result.removed.ok).toBe(false);
      expect(result.removed.error.code).toBe('read-only');
      expect(result.removed.error.message).toBe(`Cannot save the recent folders list ${file}: permission denied (the folder or file is read-only)`);
      // the open's failed save is said, not dropped
      expect(run.err).toContain(`[recent folders] Cannot save the recent folders list ${file}: permission denied`);
      expect(readFileSync(file, 'utf8')).toBe(before);
    } finally {
      chmodSync(userDataDir, 0o755);
    }
  });
});
