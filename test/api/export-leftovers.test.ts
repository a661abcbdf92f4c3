import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import { makeImages, writeBytes } from '../support/make-images';
import { runFixture } from '../support/run-fixture';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let dataset: string;
let exports: string;
beforeEach(async () => {
  tmp = makeTempDir();
  dataset = join(tmp.path, 'set');
  await makeImages(dataset, ['a.png', 'b.png', 'c.png']);
  for (const stem of ['a', 'b', 'c']) writeBytes(join(dataset, `${stem}.txt`), `${stem}, red`);
  exports = join(tmp.path, 'exports');
  mkdirSync(exports);
});
afterEach(() => tmp.cleanup());

const host = (userDataDir: string) =>
  createApiHost({ transport: 'electron', userDataDir, cacheDir: join(tmp.path, 'cache'), servedFolder: null, version: 'test' });

/** runs an export to `out` in a process of its own and kills that process halfway */
async function killMidExport(out: string, userDataDir: string): Promise<void> {
  const run = await runFixture(resolve(__dirname, 'fixtures/export-then-die.ts'), [dataset, userDataDir, join(tmp.path, 'cache'), out]);
  expect(run.out).toBe('killed mid-export\n');
  expect(run.signal).toBe('SIGKILL');
}

const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('what a killed export leaves beside its destination', () => {
  it('is swept when the app starts again, and a user file with a like name is kept', async () => {
    const userDataDir = join(tmp.path, 'user-data');
    await killMidExport(join(exports, 'out.zip'), userDataDir);
    const left = listing(exports);
    expect(left).toHaveLength(2);
    expect(left[0]).toMatch(/^out\.zip\.partial-/);
    expect(left[1]).toBe(`${left[0]}-files`);
    expect(listing(join(userDataDir, 'running-exports'))).toHaveLength(1);
    writeFileSync(join(exports, 'x.zip.partial-notes'), 'my notes');
    writeFileSync(join(exports, 'out.zip.partial-notes'), 'my notes');

    const api = host(userDataDir);
    await api.shutdown(); // waits for the sweep that starting began

    expect(listing(exports)).toEqual(['out.zip.partial-notes', 'x.zip.partial-notes']);
    expect(listing(join(userDataDir, 'running-exports'))).toEqual([]);
  });

  it('is swept before the next export to the same place, even by an app that has no note of it', async () => {
    const out = join(exports, 'out');
    await killMidExport(out, join(tmp.path, 'user-data'));
    const left = listing(exports);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^out\.partial-/);
    writeFileSync(join(exports, 'out.partial-notes'), 'my notes');

    const api = host(join(tmp.path, 'other-user-data'));
    try {
      const opened = await api.invoke('session.open', { path: dataset });
      expect(opened.ok).toBe(true);
      const done = await api.invoke('export.run', { target: 'civitai', out: { kind: 'folder', path: out } });
      expect(done).toMatchObject({ ok: true, value: { written: 3 } });
    } finally {
      await api.shutdown();
    }
    expect(listing(exports)).toEqual(['out', 'out.partial-notes']);
    expect(listing(out)).toEqual(['.lora-tagger-export', 'a.png', 'a.txt', 'b.png', 'b.txt', 'c.png', 'c.txt']);
  });
});
