import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closedPort, describeImage } from '../support/fake-vlm-server';
import { IMAGES, openCaptionerFixture, type CaptionerFixture } from './captioner-fixture';

let f: CaptionerFixture;
beforeEach(async () => {
  f = await openCaptionerFixture();
});
afterEach(async () => {
  await f.close();
});

const idOf = (stem: string) => f.api.workspace.requireSession().allEntries().find((e) => e.row.relPath === `${stem}.png`)!.row.id;
const originals = () => IMAGES.map((i) => f.caption(i.stem));

describe('backends', () => {
  it('stores a key without ever giving it back, lists the server’s models and tests the connection', async () => {
    f.vlm.apiKey = 'sk-secret-123';
    const id = await f.addBackend('openai', 'sk-secret-123');
    const listed = await f.call('captioner.backends', {});
    expect(listed.backends).toEqual([{ id, name: 'Fake LM Studio', kind: 'openai', baseUrl: `${f.vlm.url}/v1`, hasKey: true }]);
    expect(JSON.stringify(listed)).not.toContain('sk-secret');
    expect(listed.presets.map((p) => p.baseUrl)).toEqual(['http://127.0.0.1:11434', 'http://127.0.0.1:1234/v1', 'http://127.0.0.1:8080/v1', 'http://127.0.0.1:8000/v1', '']);
    expect(await f.call('captioner.models', { backendId: id })).toEqual({ models: ['fake-vl', 'fake-vl-2'] });
    expect(await f.call('captioner.test', { backendId: id })).toEqual({ ok: true, message: 'Fake LM Studio answers with 2 models', models: 2 });

    // the key removed: the server refuses, and the test says so in the server's words
    await f.call('captioner.saveBackend', { id, name: 'Fake LM Studio', kind: 'openai', baseUrl: `${f.vlm.url}/v1`, apiKey: null });
    expect(await f.call('captioner.test', { backendId: id })).toEqual({ ok: false, message: expect.stringContaining('401, check the API key): Invalid API key'), models: 0 });
    await f.call('captioner.removeBackend', { id });
    expect((await f.call('captioner.backends', {})).backends).toEqual([]);
  });

  it('an Ollama backend lists its models from /api/tags; a server that is down is named as such', async () => {
    const id = await f.addBackend('ollama');
    expect(await f.call('captioner.models', { backendId: id })).toEqual({ models: ['fake-vl', 'fake-vl-2'] });
    const port = await closedPort();
    const down = await f.call('captioner.saveBackend', { name: 'Nobody', kind: 'ollama', baseUrl: `http://127.0.0.1:${port}` });
    expect(await f.call('captioner.test', { backendId: down.id })).toEqual({ ok: false, message: `Cannot reach 127.0.0.1:${port}: connection refused (is the server running?)`, models: 0 });
  });

  it('refuses a URL that is not http(s) with a sentence', async () => {
    const result = await f.api.invoke('captioner.saveBackend', { name: 'x', kind: 'openai', baseUrl: 'file:///etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});

describe('a caption run', () => {
  for (const kind of ['openai', 'ollama'] as const) {
    it(`${kind}: each image goes downscaled as JPEG with its own prompt, and comes back as a suggestion; no caption is written`, async () => {
      const backend = await f.addBackend(kind);
      const run = await f.call('captioner.run', {
        target: { kind: 'all' },
        backendIds: [backend],
        model: 'fake-vl',
        prompt: 'Caption {name} in {folder}; tags: {tags}',
        system: 'Be brief.',
        temperature: 0.3,
        topP: 0.9,
        maxTokens: 200,
        maxSide: 100,
      });
      expect(run).toMatchObject({ captioned: 3, failed: 0, skipped: 0, cancelled: false, failures: [] });
      expect(originals()).toEqual(['old red', 'person, outdoors', null]);

      // the right image with the right request (never enlarged: the square is 80 pixels): the prompt names the file, the pixels say which it was
      const byName = new Map(f.vlm.requests.map((r) => [/Caption (\S+)/.exec(r.prompt)![1], r]));
      expect(byName.get('red-wide')!.image).toEqual({ width: 100, height: 50, colour: 'red', format: 'jpeg' });
      expect(byName.get('green-tall')!.image).toEqual({ width: 50, height: 100, colour: 'green', format: 'jpeg' });
      expect(byName.get('blue-square')!.image).toEqual({ width: 80, height: 80, colour: 'blue', format: 'jpeg' });
      expect(byName.get('green-tall')!.prompt).toBe('Caption green-tall in ; tags: person, outdoors');
      expect(byName.get('green-tall')!.system).toBe('Be brief.');
      expect(byName.get('green-tall')!.options).toMatchObject(
        kind === 'openai' ? { temperature: 0.3, top_p: 0.9, max_tokens: 200, stream: false } : { temperature: 0.3, top_p: 0.9, num_predict: 200, stream: false },
      );

      const results = await f.call('captioner.results', { runId: run.runId });
      expect(results.total).toBe(3);
      expect(results.results.map((r) => [r.name, r.status, r.current, r.suggested])).toEqual([
        ['blue-square.png', 'pending', '', describeImage({ colour: 'blue', width: 80, height: 80 })],
        ['green-tall.png', 'pending', 'person, outdoors', describeImage({ colour: 'green', width: 50, height: 100 })],
        ['red-wide.png', 'pending', 'old red', describeImage({ colour: 'red', width: 100, height: 50 })],
      ]);
      expect(results.results[0]).toMatchObject({ model: 'fake-vl', prompt: 'Caption {name} in {folder}; tags: {tags}', error: null });
      expect(await f.call('captioner.runs', {})).toEqual([
        expect.objectContaining({ id: run.runId, model: 'fake-vl', backends: [kind === 'openai' ? 'Fake LM Studio' : 'Fake Ollama'], images: 3, pending: 3, failed: 0 }),
      ]);
    });
  }

  it('a preset, start-with and the clean-up rules: <think> and "This image shows" go, the prefix comes first', async () => {
    await f.call('settings.set', { triggerWord: 'ohwx' });
    f.vlm.behave('chatty');
    const backend = await f.addBackend('openai');
    const run = await f.call('captioner.run', { target: { kind: 'selected', ids: [idOf('red-wide')] }, backendIds: [backend], model: 'fake-vl', promptPreset: 'not-the-subject', startWith: 'ohwx,', maxSide: 100 });
    const [result] = (await f.call('captioner.results', { runId: run.runId })).results;
    expect(result!.suggested).toBe('ohwx, A red image, 100 by 50 pixels.');
    expect(result!.raw).toContain('<think>');
    expect(f.vlm.requests[0]!.prompt).toContain('This image shows ohwx.');
    expect(f.vlm.requests[0]!.prompt).toMatch(/Start the caption with: ohwx,$/);
    const prompts = await f.call('captioner.prompts', {});
    expect(prompts.cleanupRules.map((r) => r.id)).toEqual(['think', 'chatter', 'quotes', 'one-line', 'start-with']);
    expect(prompts.placeholders).toEqual(['{tags}', '{name}', '{folder}', '{trigger}']);
  });

  it('several backends take turns', async () => {
    const a = await f.addBackend('openai');
    const b = await f.addBackend('ollama');
    const run = await f.call('captioner.run', { target: { kind: 'all' }, backendIds: [a, b], model: 'fake-vl', promptPreset: 'short', concurrency: 1 });
    expect(run.captioned).toBe(3);
    expect(new Set(f.vlm.requests.map((r) => r.protocol))).toEqual(new Set(['openai', 'ollama']));
  });
});

describe('review', () => {
  it('accepts two (one edited), rejects one, undoes the accept byte for byte, and runs again only where rejected', async () => {
    const backend = await f.addBackend('openai');
    const run = await f.call('captioner.run', { target: { kind: 'all' }, backendIds: [backend], model: 'fake-vl', promptPreset: 'short', maxSide: 100 });
    const accepted = await f.call('captioner.accept', {
      runId: run.runId,
      images: [idOf('red-wide'), idOf('blue-square')],
      mode: 'replace',
      edits: [{ imageId: idOf('blue-square'), text: 'A blue square, edited by hand.' }],
    });
    expect(accepted).toEqual({ changed: 2, conflicts: [], refused: [] });
    expect(await f.call('captioner.reject', { runId: run.runId, images: 'all-pending' })).toEqual({ rejected: 1 });
    expect(originals()).toEqual(['A red image, 100 by 50 pixels.', 'person, outdoors', 'A blue square, edited by hand.']);
    expect(await f.call('history.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Accept captions for 2 images' });
    const statuses = (await f.call('captioner.results', { runId: run.runId })).results.map((r) => [r.name, r.status]);
    expect(statuses).toEqual([['blue-square.png', 'accepted'], ['green-tall.png', 'rejected'], ['red-wide.png', 'accepted']]);

    await f.call('history.undo', {});
    expect(originals()).toEqual(['old red', 'person, outdoors', null]);
    // the accepted texts left the captions: those results are pending again, and can be accepted anew
    const afterUndo = (await f.call('captioner.results', { runId: run.runId })).results.map((r) => [r.name, r.status]);
    expect(afterUndo).toEqual([['blue-square.png', 'pending'], ['green-tall.png', 'rejected'], ['red-wide.png', 'pending']]);
    expect((await f.call('captioner.runs', {}))[0]).toMatchObject({ pending: 2, accepted: 0, rejected: 1 });

    const again = await f.call('captioner.run', { target: { kind: 'all' }, backendIds: [backend], model: 'fake-vl', promptPreset: 'short', maxSide: 100, onlyRejectedOf: run.runId });
    expect(again.captioned).toBe(1);
    expect(f.vlm.requests.at(-1)!.image!.colour).toBe('green');
    expect((await f.call('captioner.imageResults', { imageId: idOf('green-tall') })).results.map((r) => [r.runId, r.status])).toEqual([
      [again.runId, 'pending'],
      [run.runId, 'rejected'],
    ]);
  });

  it('append puts the sentence after the existing tags', async () => {
    const backend = await f.addBackend('ollama');
    const run = await f.call('captioner.run', { target: { kind: 'all' }, backendIds: [backend], model: 'fake-vl', promptPreset: 'short', maxSide: 100 });
    expect(await f.call('captioner.accept', { runId: run.runId, images: 'all-pending', mode: 'append' })).toMatchObject({ changed: 3 });
    expect(originals()).toEqual(['old red, A red image, 100 by 50 pixels.', 'person, outdoors, A green image, 50 by 100 pixels.', 'A blue image, 80 by 80 pixels.']);
  });
});
