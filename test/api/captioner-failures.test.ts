import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackendRegistry } from '../../src-main/core/captioner/backend-registry';
import { captionImages } from '../../src-main/core/captioner/caption-run';
import { captionRunRequestSchema, CAPTION_MAX_CHARS, type ChannelInput } from '../../src-shared/contract';
import { closedPort, type VlmBehaviour } from '../support/fake-vlm-server';
import { IMAGES, openCaptionerFixture, type CaptionerFixture } from './captioner-fixture';

/**
 * Every bad answer the issue lists: the image it hit fails with a reason a
 * person can act on, the others are captioned, and accepting every pending
 * result writes nothing for a failed one.
 */
let f: CaptionerFixture;
beforeEach(async () => {
  f = await openCaptionerFixture();
});
afterEach(async () => {
  await f.close();
});

const originals = () => IMAGES.map((i) => f.caption(i.stem));
const request = (backendId: string, extra: Partial<ChannelInput<'captioner.run'>> = {}): ChannelInput<'captioner.run'> => ({
  target: { kind: 'all' },
  backendIds: [backendId],
  model: 'fake-vl',
  promptPreset: 'short',
  maxSide: 100,
  ...extra,
});

/** runs, checks that only `failing` failed and why, then accepts all pending: the failed image's caption is untouched */
async function expectOnlyFailed(backend: string, failing: string | 'all', reason: string | RegExp, extra: Partial<ChannelInput<'captioner.run'>> = {}) {
  const run = await f.call('captioner.run', request(backend, extra));
  const failed = failing === 'all' ? IMAGES.map((i) => `${i.stem}.png`) : [`${failing}.png`];
  expect(run.failures.map((x) => x.name).sort()).toEqual(failed.sort());
  for (const failure of run.failures) expect(failure.reason).toMatch(reason);
  expect(run.captioned).toBe(3 - failed.length);
  const stored = (await f.call('captioner.results', { runId: run.runId, status: 'failed' })).results;
  expect(stored.map((r) => [r.name, r.suggested, r.error])).toEqual(run.failures.map((x) => [x.name, null, x.reason]).sort());
  if (run.captioned > 0) await f.call('captioner.accept', { runId: run.runId, images: 'all-pending', mode: 'replace' });
  for (const image of IMAGES) {
    const caption = f.caption(image.stem);
    if (failed.includes(`${image.stem}.png`)) expect(caption).toBe(image.caption);
    else expect(caption).toMatch(/^A \w+ image, \d+ by \d+ pixels\.$/);
  }
  return run;
}

describe('bad answers, each failing its image only', () => {
  it('a server that is down', async () => {
    const port = await closedPort();
    const down = await f.call('captioner.saveBackend', { name: 'Down', kind: 'openai', baseUrl: `http://127.0.0.1:${port}/v1` });
    await expectOnlyFailed(down.id, 'all', new RegExp(`^Down: Cannot reach 127\\.0\\.0\\.1:${port}: connection refused`));
  });

  it('401: the key is refused', async () => {
    f.vlm.apiKey = 'right';
    await expectOnlyFailed(await f.addBackend('openai', 'wrong'), 'all', /\(401, check the API key\): Invalid API key$/);
    expect(f.vlm.requests).toEqual([]);
  });

  it('404: no such model, in the server’s words', async () => {
    await expectOnlyFailed(await f.addBackend('ollama'), 'all', /Not found \(404: a wrong model name or URL\?\): model "llava:7b" not found, try pulling it first$/, { model: 'llava:7b' });
  });

  it('a model without vision: the server’s error text is shown', async () => {
    await expectOnlyFailed(await f.addBackend('openai'), 'all', /\(400\): Image input is not supported for this model: the model has no vision projector \(mmproj\)$/, { model: 'fake-text' });
  });

  it('429 twice, then an answer: tried again after the pause the server asks for', async () => {
    f.vlm.behave('rate-limited');
    f.vlm.failTimes = 2;
    const run = await f.call('captioner.run', request(await f.addBackend('openai'), { concurrency: 1 }));
    expect(run).toMatchObject({ captioned: 3, failed: 0 });
    expect(f.vlm.requests).toHaveLength(9);
  });

  it('500 on every try: given up after four, with the server’s message', async () => {
    f.vlm.behaveFor('green', 'server-error');
    const backend = await f.addBackend('openai');
    const session = f.api.workspace.requireSession();
    const registry = new BackendRegistry(join(f.dir, '..', 'app-data'), { get: async () => null, set: async () => {}, delete: async () => {}, has: async () => false });
    const job = { signal: new AbortController().signal, progress: () => {} };
    const outcome = await captionImages(session, captionRunRequestSchema.parse(request(backend)), session.allEntries(), { registry, backoffMs: 1 }, job);
    expect(outcome.failures).toEqual([{ imageId: expect.any(Number), name: 'green-tall.png', reason: 'Fake LM Studio: The server failed (500): CUDA out of memory (after 4 tries)' }]);
    expect(f.vlm.requests.filter((r) => r.image?.colour === 'green')).toHaveLength(4);
    expect(outcome.captioned).toBe(2);
  });

  it('an answer that never comes: failed at the timeout', async () => {
    f.vlm.behaveFor('blue', 'hang');
    await expectOnlyFailed(await f.addBackend('ollama'), 'blue-square', /^Fake Ollama: No answer within 1 s \(the request timed out\)$/, { timeoutSeconds: 1 });
  });

  for (const kind of ['openai', 'ollama'] as const) {
    it(`${kind}: an answer streamed though stream: false was asked`, async () => {
      f.vlm.behaveFor('red', 'stream');
      await expectOnlyFailed(await f.addBackend(kind), 'red-wide', /streamed its answer/);
    });
  }

  const bodies: [VlmBehaviour, RegExp][] = [
    ['empty', /answered 200 with an empty body$/],
    ['not-json', /answer is not JSON: <html><body>502 Bad Gateway \(nginx\)<\/body><\/html>$/],
  ];
  for (const [behaviour, reason] of bodies) {
    it(`an answer that is ${behaviour}`, async () => {
      f.vlm.behaveFor('green', behaviour);
      await expectOnlyFailed(await f.addBackend('openai'), 'green-tall', reason);
    });
  }

  it('a 100,000-character caption is refused as a runaway (not cut), its raw answer kept', async () => {
    f.vlm.behaveFor('red', 'huge');
    const run = await expectOnlyFailed(await f.addBackend('openai'), 'red-wide', /is 100,000 characters long, over the 20,000 a caption may have/);
    const [failed] = (await f.call('captioner.results', { runId: run.runId, status: 'failed' })).results;
    expect(failed!.raw).toHaveLength(100_000);
    expect(CAPTION_MAX_CHARS).toBe(20_000);
  });

  it('an image that cannot be read', async () => {
    writeFileSync(join(f.dir, 'blue-square.png'), 'not a png at all');
    await expectOnlyFailed(await f.addBackend('openai'), 'blue-square', /^The image cannot be read: /);
  });
});

describe('resume and cancel', () => {
  it('a run cut short is taken up again: images it answered are not sent again', async () => {
    const backend = await f.addBackend('openai');
    const session = f.api.workspace.requireSession();
    const controller = new AbortController();
    // cut short after its first answer, as a quit would
    const job = { signal: controller.signal, progress: (done: number) => done >= 1 && controller.abort() };
    const registry = new BackendRegistry(join(f.dir, '..', 'app-data'), { get: async () => null, set: async () => {}, delete: async () => {}, has: async () => false });
    const parsed = captionRunRequestSchema.parse(request(backend, { concurrency: 1 }));
    const first = await captionImages(session, parsed, session.allEntries(), { registry }, job);
    expect(first).toMatchObject({ captioned: 1, cancelled: true });
    expect(f.vlm.requests).toHaveLength(1);

    const again = await f.call('captioner.run', request(backend, { concurrency: 1 }));
    expect(again).toMatchObject({ runId: first.runId, captioned: 2, skipped: 1, cancelled: false });
    expect(f.vlm.requests).toHaveLength(3);
    expect(new Set(f.vlm.requests.map((r) => r.image!.colour)).size).toBe(3);
    expect((await f.call('captioner.runs', {}))[0]).toMatchObject({ pending: 3, finishedAt: expect.any(Number) });
  });

  it('a cancel ends the requests in flight at once; the run stays resumable', async () => {
    f.vlm.behave('hang');
    const backend = await f.addBackend('openai');
    const events: string[] = [];
    const off = f.api.subscribe((event, payload) => {
      if (event === 'job.progress' && (payload as { kind: string }).kind === 'caption') events.push((payload as { jobId: string }).jobId);
    });
    const running = f.api.invoke('captioner.run', request(backend));
    await expect.poll(() => f.vlm.requests.length).toBe(2);
    await f.call('jobs.cancel', { jobId: events[0]! });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    off();
    expect((await f.call('captioner.runs', {}))[0]).toMatchObject({ images: 0, finishedAt: null });
    expect(originals()).toEqual(['old red', 'person, outdoors', null]);
  });
});
