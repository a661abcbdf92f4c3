import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadModel } from '../../../../src-main/core/models/download-model';
import { listInstalled } from '../../../../src-main/core/models/models-folder';
import { startFakeModelHub, type FakeModelHub } from '../../../support/fake-model-hub';
import { makeTempDir } from '../../../support/temp-dir';

const REPO = 'SmilingWolf/wd-vit-tagger-v3';
const onnx = randomBytes(300_000);
const csv = Buffer.from('tag_id,name,category,count\n9999999,general,9,807489\n1,1girl,0,4000000\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let tmp: ReturnType<typeof makeTempDir>;
let hub: FakeModelHub;
let modelsDir: string;
beforeEach(async () => {
  tmp = makeTempDir();
  modelsDir = join(tmp.path, 'app-data', 'models');
  hub = await startFakeModelHub();
  hub.setFile(REPO, 'model.onnx', onnx);
  hub.setFile(REPO, 'selected_tags.csv', csv);
});
afterEach(async () => {
  await hub.close();
  tmp.cleanup();
});

const folder = () => join(modelsDir, 'SmilingWolf', 'wd-vit-tagger-v3');
const download = (options: { signal?: AbortSignal; repo?: string; endpoint?: string; onProgress?: Parameters<typeof downloadModel>[0]['onProgress'] } = {}) =>
  downloadModel({ repo: options.repo ?? REPO, modelsDir, endpoint: options.endpoint ?? hub.endpoint, signal: options.signal ?? new AbortController().signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
const errorOf = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (err: Error) => err);

describe('downloading a tagger model from the hub', () => {
  it('follows the redirect, installs both files with the hub\'s bytes, and lists the model', async () => {
    const progress: { bytes: number; total: number | null }[] = [];
    const model = await download({ onProgress: (p) => progress.push({ bytes: p.bytes, total: p.total }) });
    expect(model).toMatchObject({ id: REPO, source: 'download', path: folder() });
    expect(sha(readFileSync(join(folder(), 'model.onnx')))).toBe(sha(onnx));
    expect(readFileSync(join(folder(), 'selected_tags.csv'))).toEqual(csv);
    expect(existsSync(join(folder(), 'model.onnx.part'))).toBe(false);
    expect((await listInstalled(modelsDir)).map((m) => m.id)).toEqual([REPO]);
    expect(hub.requests.some((r) => r.path.startsWith('/cdn/'))).toBe(true);
    expect(progress.at(-1)).toEqual({ bytes: onnx.length + csv.length, total: onnx.length + csv.length });
  });

  it('resumes a download cut halfway from its .part with a Range request, and the result matches the hub\'s SHA-256', async () => {
    hub.cutNextBodyAt('model.onnx', 120_000);
    const cut = await errorOf(download());
    expect(cut.message).toMatch(/cut off.*resumes/);
    // what was in flight when the connection dropped may be lost, never more than was sent
    const kept = statSync(join(folder(), 'model.onnx.part')).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(120_000);
    expect(await listInstalled(modelsDir)).toEqual([]);

    await download();
    const ranges = hub.requests.filter((r) => r.path.startsWith('/cdn/') && r.method === 'GET').map((r) => r.range);
    expect(ranges).toEqual([null, `bytes=${kept}-`]);
    expect(sha(readFileSync(join(folder(), 'model.onnx')))).toBe(sha(onnx));
    expect((await listInstalled(modelsDir)).map((m) => m.id)).toEqual([REPO]);
  });

  it('starts over, and still installs the exact bytes, when the server ignores the Range and sends the whole file', async () => {
    hub.cutNextBodyAt('model.onnx', 100_000);
    await errorOf(download());
    hub.ignoreRanges(true);
    await download();
    const ranges = hub.requests.filter((r) => r.path.startsWith('/cdn/') && r.method === 'GET').map((r) => r.range);
    expect(ranges[1]).toMatch(/^bytes=\d+-$/);
    expect(sha(readFileSync(join(folder(), 'model.onnx')))).toBe(sha(onnx));
  });

  it('refuses a second download of the same model while the first runs', async () => {
    hub.throttle(8192);
    const controller = new AbortController();
    const first = download({ signal: controller.signal });
    await expect.poll(() => existsSync(join(folder(), 'model.onnx.part'))).toBe(true);
    expect((await errorOf(download())).message).toMatch(/is being downloaded already/);
    controller.abort(new Error('stop'));
    await errorOf(first);
  });

  it('starts over when the file changed on the hub since the cut (another ETag)', async () => {
    hub.cutNextBodyAt('model.onnx', 100_000);
    await errorOf(download());
    const newer = randomBytes(250_000);
    hub.setFile(REPO, 'model.onnx', newer);
    await download();
    const ranges = hub.requests.filter((r) => r.path.startsWith('/cdn/') && r.method === 'GET').map((r) => r.range);
    expect(ranges).toEqual([null, null]);
    expect(sha(readFileSync(join(folder(), 'model.onnx')))).toBe(sha(newer));
  });

  it('refuses a file whose SHA-256 is not the hub\'s: nothing is installed and nothing is kept to resume from', async () => {
    hub.announceSha('model.onnx', 'a'.repeat(64));
    const err = await errorOf(download());
    expect(err.message).toMatch(/does not match the SHA-256/);
    expect(existsSync(join(folder(), 'model.onnx'))).toBe(false);
    expect(existsSync(join(folder(), 'model.onnx.part'))).toBe(false);
    expect(await listInstalled(modelsDir)).toEqual([]);
  });

  it('checks a small git file (no SHA-256 on the hub) by its size', async () => {
    hub.cutNextBodyAt('selected_tags.csv', 10);
    await errorOf(download());
    expect(existsSync(join(folder(), 'selected_tags.csv'))).toBe(false);
    await download();
    expect(readFileSync(join(folder(), 'selected_tags.csv'))).toEqual(csv);
  });

  it('says plainly that there is no connection when nothing listens', async () => {
    const closed = await new Promise<number>((done) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => done(port));
      });
    });
    const err = await errorOf(download({ endpoint: `http://127.0.0.1:${closed}` }));
    expect(err.message).toMatch(/^No connection to 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    expect(existsSync(modelsDir)).toBe(false);
  });

  it('says a repository is missing, gated, or lacks the model file', async () => {
    expect((await errorOf(download({ repo: 'SmilingWolf/no-such-tagger' }))).message).toMatch(/SmilingWolf\/no-such-tagger was not found on .*HTTP 401/);
    hub.gate(REPO);
    expect((await errorOf(download())).message).toMatch(/is gated/);
    hub.setFile('someone/half-model', 'selected_tags.csv', csv);
    expect((await errorOf(download({ repo: 'someone/half-model' }))).message).toMatch(/has no model\.onnx \(HTTP 404\)/);
    expect(existsSync(modelsDir)).toBe(false);
  });

  it('cancelled halfway, leaves a .part the next download resumes, and no installed model', async () => {
    hub.throttle(8192);
    const controller = new AbortController();
    const run = download({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.file === 'model.onnx' && p.bytes > csv.length + 50_000) controller.abort(new Error('cancelled by the test'));
      },
    });
    expect((await errorOf(run)).message).toBe('cancelled by the test');
    const kept = statSync(join(folder(), 'model.onnx.part')).size;
    expect(kept).toBeGreaterThan(50_000);
    expect(await listInstalled(modelsDir)).toEqual([]);
    hub.throttle(null);
    await download();
    const ranges = hub.requests.filter((r) => r.path.startsWith('/cdn/') && r.method === 'GET').map((r) => r.range);
    expect(ranges.at(-1)).toBe(`bytes=${kept}-`);
    expect(sha(readFileSync(join(folder(), 'model.onnx')))).toBe(sha(onnx));
  });

  it('refuses a model larger than the free space before writing a byte', async () => {
    hub.announceSize('model.onnx', 1e18);
    const err = await errorOf(download());
    expect(err.message).toMatch(/Not enough free space .* needs .* more and .* is free/);
    expect(existsSync(join(folder(), 'model.onnx.part'))).toBe(false);
  });

  it('says so when the models folder cannot be created', async () => {
    mkdirSync(join(tmp.path, 'app-data'), { recursive: true });
    writeFileSync(modelsDir, 'a file where the folder should be');
    const err = await errorOf(download());
    expect(err.message).toMatch(/Cannot create the model folder/);
  });
});
