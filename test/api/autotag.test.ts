import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import { packScores } from '../../src-main/core/autotag/packed-scores';
import { ScoreStore } from '../../src-main/core/autotag/score-store';
import type { ChannelInput, ChannelName } from '../../src-shared/contract';
import { callApi } from '../support/api-call';
import { TINY_TAGS, tinyModel, writeModelFolder } from '../support/make-onnx-model';
import { TAGGER_IMAGES, writeTestImage } from '../support/tagger-images';
import { makeTempDir } from '../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
let api: ReturnType<typeof createApiHost>;
let dir: string;
let modelDir: string;

beforeEach(async () => {
  tmp = makeTempDir();
  dir = join(tmp.path, 'set');
  for (const name of ['blue-corner.png', 'red-band.png', 'tall.png']) await writeTestImage(dir, TAGGER_IMAGES.find((i) => i.name === name)!);
  writeFileSync(join(dir, 'blue-corner.txt'), 'my tag');
  modelDir = await writeModelFolder(join(tmp.path, 'model'), tinyModel());
  api = createApiHost({ transport: 'serve', userDataDir: join(tmp.path, 'app-data'), cacheDir: join(tmp.path, 'cache'), servedFolder: tmp.path, version: 'test' });
  await call('session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
});
afterEach(async () => {
  await api.shutdown();
  tmp.cleanup();
});

const call = <K extends ChannelName>(channel: K, payload: ChannelInput<K>) => callApi(api, channel, payload);
const caption = (stem: string) => readFileSync(join(dir, `${stem}.txt`), 'utf8');
const exists = (stem: string) => {
  try {
    return caption(stem);
  } catch {
    return null;
  }
};

describe('tagging a dataset with a model', () => {
  it('names each image it could not score, with why, and scores the others', async () => {
    // truncated, its header whole: the open lists it, and the tagger is the first to find it cannot be decoded
    const tall = join(dir, 'tall.png');
    writeFileSync(tall, readFileSync(tall).subarray(0, 120));
    await call('session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    expect((await call('session.current', {}))?.stats).toMatchObject({ total: 3 });
    const run = await call('autotag.run', { model: modelDir, target: { kind: 'all' } });
    expect(run).toMatchObject({ scored: 2, failed: 1 });
    expect(run.failures).toEqual([{ name: 'tall.png', reason: expect.stringMatching(/\S/) }]);
  });

  it('scores without writing a caption, applies (append), undoes byte for byte, and applies again at other thresholds without the model', async () => {
    const run = await call('autotag.run', { model: modelDir, target: { kind: 'all' } });
    expect(run).toMatchObject({ scored: 3, failed: 0, skipped: 0, cancelled: false, provider: 'cpu' });
    // scoring alone writes nothing
    expect(caption('blue-corner')).toBe('my tag');
    expect(exists('red-band')).toBeNull();

    expect(await call('autotag.apply', { runId: run.runId, target: { kind: 'all' }, mode: 'append', settings: {} })).toEqual({ changed: 3, conflicts: [], refused: [] });
    // the user's tag first, then the model's: characters, then general tags, highest score first
    expect(caption('blue-corner')).toBe('my tag, hatsune_miku, blue_top_left');
    expect(caption('red-band')).toBe('kirisame_marisa, red_bottom');
    expect(caption('tall')).toBe('green_left_edge');
    expect(await call('history.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Auto-tag 3 images' });

    await call('history.undo', {});
    expect(caption('blue-corner')).toBe('my tag');
    expect(exists('red-band')).toBeNull();

    // character threshold above every score: only general tags, from the kept scores
    await call('autotag.apply', { runId: run.runId, target: { kind: 'all' }, mode: 'replace', settings: { character: 0.999 } });
    expect(caption('blue-corner')).toBe('blue_top_left');
    expect(caption('red-band')).toBe('red_bottom');
    expect(await call('autotag.runs', {})).toEqual([expect.objectContaining({ id: run.runId, modelId: modelDir, images: 3 })]);
  });

  it('keeps the trigger word first and the tags always added, and leaves out excluded ones', async () => {
    await call('settings.set', { triggerWord: 'mychar' });
    const run = await call('autotag.run', { model: modelDir, target: { kind: 'all' } });
    await call('autotag.apply', { runId: run.runId, target: { kind: 'all' }, mode: 'replace', settings: { always: ['solo'], exclude: ['*_top_left'] } });
    expect(caption('blue-corner')).toBe('mychar, solo, hatsune_miku');
  });

  it('a run cut short is taken up again: the images it scored are not scored again', async () => {
    const session = api.workspace.requireSession();
    const first = session.allEntries()[0]!;
    // what a run killed after its first batch leaves
    const scores = new ScoreStore(session.store.index);
    const runId = await scores.startRun(modelDir, TINY_TAGS.map((t) => ({ name: t.name, category: t.category === 9 ? 'rating' : t.category === 4 ? 'character' : 'general' })), { floor: 0.05 });
    await scores.put(runId, [{ imageId: first.row.id, packed: packScores(new Float32Array(TINY_TAGS.length).fill(0.9), 0.05), error: null }]);

    expect(await call('autotag.run', { model: modelDir, target: { kind: 'all' } })).toMatchObject({ runId, scored: 2, skipped: 1, cancelled: false });
  });

  it('refuses a folder without a model, and a model that is not ONNX, with the reason', async () => {
    expect(await api.invoke('autotag.run', { model: join(tmp.path, 'nowhere'), target: { kind: 'all' } })).toMatchObject({ ok: false });
    const broken = await writeModelFolder(join(tmp.path, 'broken'), new TextEncoder().encode('not an onnx file at all'));
    expect(await api.invoke('autotag.run', { model: broken, target: { kind: 'all' } })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(caption('blue-corner')).toBe('my tag');
  });
});
