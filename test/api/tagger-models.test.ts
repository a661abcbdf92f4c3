import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import type { EventName, EventPayload } from '../../src-shared/contract';
import { callApi as call } from '../support/api-call';
import { startFakeModelHub, type FakeModelHub } from '../support/fake-model-hub';
import { makeTempDir } from '../support/temp-dir';

const REPO = 'SmilingWolf/wd-swinv2-tagger-v3';
const onnx = randomBytes(400_000);
const csv = Buffer.from('tag_id,name,category,count\n9999999,general,9,807489\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let tmp: ReturnType<typeof makeTempDir>;
let hub: FakeModelHub;
let api: ReturnType<typeof createApiHost>;
let events: { event: EventName; payload: EventPayload<EventName> }[];
const savedEndpoint = process.env.HF_ENDPOINT;

beforeEach(async () => {
  tmp = makeTempDir();
  hub = await startFakeModelHub();
  hub.setFile(REPO, 'model.onnx', onnx);
  hub.setFile(REPO, 'selected_tags.csv', csv);
  process.env.HF_ENDPOINT = hub.endpoint;
  api = createApiHost({ transport: 'electron', userDataDir: join(tmp.path, 'user-data'), cacheDir: join(tmp.path, 'cache'), servedFolder: null, version: 'test' });
  events = [];
  api.subscribe((event, payload) => events.push({ event, payload }));
});
afterEach(async () => {
  await api.shutdown();
  await hub.close();
  if (savedEndpoint === undefined) delete process.env.HF_ENDPOINT;
  else process.env.HF_ENDPOINT = savedEndpoint;
  tmp.cleanup();
});

const stateOf = async (repo: string) => (await call(api, 'taggerModels.list', {})).known.find((k) => k.repo === repo)?.state;
const jobEvents = <E extends 'job.progress' | 'job.finished'>(name: E) =>
  events.filter((e) => e.event === name).map((e) => e.payload as EventPayload<E>).filter((p) => p.kind === 'model-download');
const cdnRanges = () => hub.requests.filter((r) => r.path.startsWith('/cdn/') && r.method === 'GET').map((r) => r.range);

describe('tagger models over the api', () => {
  it('lists the known models, downloads one as a job with byte progress, and then lists it installed', async () => {
    const before = await call(api, 'taggerModels.list', {});
    expect(before.known.map((k) => k.repo)).toContain('SmilingWolf/wd-eva02-large-tagger-v3');
    expect(before.known.every((k) => k.state === 'absent')).toBe(true);
    expect(before.installed).toEqual([]);

    const model = await call(api, 'taggerModels.download', { repo: REPO });
    expect(model).toMatchObject({ id: REPO, source: 'download', label: 'WD SwinV2 v3' });
    expect(sha(readFileSync(join(model.path, 'model.onnx')))).toBe(sha(onnx));

    const last = jobEvents('job.progress').at(-1)!;
    expect(last).toMatchObject({ done: onnx.length + csv.length, total: onnx.length + csv.length });
    expect(last.label).toMatch(/^Downloading WD SwinV2 v3/);
    expect(jobEvents('job.finished')).toEqual([expect.objectContaining({ outcome: 'done' })]);
    expect(await stateOf(REPO)).toBe('installed');
    expect((await call(api, 'taggerModels.list', {})).installed.map((m) => m.id)).toEqual([REPO]);
  });

  it('is cancelled with jobs.cancel: no model is installed, and the next download resumes from what arrived', async () => {
    hub.throttle(8192);
    const running = api.invoke('taggerModels.download', { repo: REPO });
    await expect.poll(() => jobEvents('job.progress').some((p) => p.done > csv.length + 40_000), { timeout: 5000 }).toBe(true);
    const jobId = jobEvents('job.progress')[0]!.jobId;
    expect(await call(api, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await stateOf(REPO)).toBe('partial');
    expect((await call(api, 'taggerModels.list', {})).installed).toEqual([]);

    hub.throttle(null);
    await call(api, 'taggerModels.download', { repo: REPO });
    expect(cdnRanges().at(-1)).toMatch(/^bytes=\d+-$/);
    expect(await stateOf(REPO)).toBe('installed');
  });

  it('a download cut halfway says so, and the next one resumes and installs the hub\'s exact bytes', async () => {
    hub.cutNextBodyAt('model.onnx', 150_000);
    const cut = await api.invoke('taggerModels.download', { repo: REPO });
    expect(cut).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/cut off.*resumes/) } });
    expect(await stateOf(REPO)).toBe('partial');
    const kept = statSync(join(tmp.path, 'user-data', 'models', 'SmilingWolf', 'wd-swinv2-tagger-v3', 'model.onnx.part')).size;
    expect(kept).toBeGreaterThan(0);
    const model = await call(api, 'taggerModels.download', { repo: REPO });
    expect(cdnRanges()).toEqual([null, `bytes=${kept}-`]);
    expect(sha(readFileSync(join(model.path, 'model.onnx')))).toBe(sha(onnx));
  });

  it('says a repository is missing, and says there is no connection when the hub cannot be reached', async () => {
    expect(await api.invoke('taggerModels.download', { repo: 'SmilingWolf/not-a-tagger' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/SmilingWolf\/not-a-tagger was not found/) },
    });
    await hub.close();
    const offline = await api.invoke('taggerModels.download', { repo: REPO });
    expect(offline).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/^No connection to 127\.0\.0\.1/) } });
    expect(jobEvents('job.finished').map((f) => f.outcome)).toEqual(['failed', 'failed']);
  });

  it('refuses a repository id that would leave the models folder', async () => {
    expect(await api.invoke('taggerModels.download', { repo: '../../etc' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('adds a folder the user picked when it holds both files, and says what is missing otherwise', async () => {
    const mine = join(tmp.path, 'my-model');
    mkdirSync(mine);
    writeFileSync(join(mine, 'model.onnx'), onnx);
    expect(await api.invoke('taggerModels.addFolder', { path: mine })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/selected_tags\.csv is missing/) } });
    writeFileSync(join(mine, 'selected_tags.csv'), csv);
    expect(await call(api, 'taggerModels.addFolder', { path: mine })).toMatchObject({ id: mine, source: 'folder' });
    expect((await call(api, 'taggerModels.list', {})).installed.map((m) => m.id)).toEqual([mine]);
  });
});

describe('tagger model folders over the browser transport', () => {
  it('are accepted only inside the served folder', async () => {
    const served = join(tmp.path, 'served');
    mkdirSync(served);
    const serve = createApiHost({ transport: 'serve', userDataDir: join(tmp.path, 'serve-data'), cacheDir: join(tmp.path, 'cache'), servedFolder: served, version: 'test' });
    try {
      const outside = await serve.invoke('taggerModels.addFolder', { path: join(tmp.path, 'elsewhere') });
      expect(outside).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/only opens/) } });
    } finally {
      await serve.shutdown();
    }
  });
});
