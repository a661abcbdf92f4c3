import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../src-main/api/create-api-host';
import type { ChannelInput, ChannelName } from '../../src-shared/contract';
import { callApi } from '../support/api-call';
import { tinyModel, writeModelFolder } from '../support/make-onnx-model';
import { TAGGER_IMAGES, writeTestImage } from '../support/tagger-images';
import { makeTempDir } from '../support/temp-dir';

/**
 * The review layer over a real run of the tiny model on generated images
 * (blue-corner: hatsune_miku, blue_top_left; red-band: kirisame_marisa,
 * red_bottom; tall: green_left_edge): everything after the run reads the
 * kept scores, so the model folder is deleted once the run is done.
 */
let tmp: ReturnType<typeof makeTempDir>;
let api: ReturnType<typeof createApiHost>;
let dir: string;
let modelDir: string;
let runId: number;
const ids: Record<string, number> = {};

beforeEach(async () => {
  tmp = makeTempDir();
  dir = join(tmp.path, 'set');
  for (const name of ['blue-corner.png', 'red-band.png', 'tall.png']) await writeTestImage(dir, TAGGER_IMAGES.find((i) => i.name === name)!);
  writeFileSync(join(dir, 'blue-corner.txt'), 'my tag');
  modelDir = await writeModelFolder(join(tmp.path, 'model'), tinyModel());
  api = createApiHost({ transport: 'serve', userDataDir: join(tmp.path, 'app-data'), cacheDir: join(tmp.path, 'cache'), servedFolder: tmp.path, version: 'test' });
  await call('session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  for (const image of (await call('images.list', { offset: 0, limit: 100 })).items) ids[image.name.replace(/\.png$/, '')] = image.id;
  runId = (await call('autotag.run', { model: modelDir, target: { kind: 'all' } })).runId;
  // no model from here on: every answer comes from the kept scores
  rmSync(modelDir, { recursive: true });
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
const all = { kind: 'all' } as const;
const sources = async (stem: string) => (await call('autotag.provenance', { imageId: ids[stem]! })).tags.map((t) => `${t.tag}:${t.source}`);
const setTags = async (stem: string, tags: string[]) => {
  const { revision } = (await call('image.get', { id: ids[stem]! })).caption;
  await call('caption.setTags', { id: ids[stem]!, tags, revision });
};
const filtered = async (query: string) => {
  const found = await call('images.filter', { query });
  expect(found.error).toBeNull();
  const byId = new Map(Object.entries(ids).map(([stem, id]) => [id, stem]));
  return (found.ids ?? []).map((id) => byId.get(id)).sort();
};

describe('the review layer', () => {
  it('previews an apply from the kept scores: counts that follow the thresholds, and nothing written', async () => {
    expect(await call('autotag.preview', { runId, target: all, mode: 'append', settings: {} })).toEqual({
      scored: 3,
      gaining: { images: 3, tags: 5 },
      losing: { images: 0, tags: 0 },
      unchanged: 0,
      cuts: { general: 0.35, character: 0.85 },
    });
    // no character passes 0.999: two tags fewer; replace drops the user's own "my tag"
    expect(await call('autotag.preview', { runId, target: all, mode: 'replace', settings: { character: 0.999 } })).toMatchObject({
      gaining: { images: 3, tags: 3 },
      losing: { images: 1, tags: 1 },
    });
    expect(await call('autotag.preview', { runId, target: { kind: 'selected', ids: [ids['tall']!] }, mode: 'append', settings: { general: 0.999 } })).toMatchObject({
      scored: 1,
      gaining: { images: 0, tags: 0 },
      unchanged: 1,
    });
    expect(caption('blue-corner')).toBe('my tag');
    expect(exists('red-band')).toBeNull();

    // what the preview counted is what the apply does
    await call('autotag.apply', { runId, target: all, mode: 'append', settings: {} });
    expect(caption('blue-corner')).toBe('my tag, hatsune_miku, blue_top_left');
    expect(await call('autotag.preview', { runId, target: all, mode: 'append', settings: {} })).toMatchObject({ gaining: { images: 0, tags: 0 }, unchanged: 3 });
  });

  it('spreads a tag’s scores over the run’s images in 20 bins', async () => {
    const miku = await call('autotag.histogram', { runId, tag: 'hatsune_miku' });
    expect(miku).toMatchObject({ tag: 'hatsune_miku', category: 'character', images: 3 });
    expect(miku.bins).toHaveLength(20);
    expect(miku.bins.reduce((a, b) => a + b, 0)).toBe(3);
    // blue-corner's score is above the character threshold of 0.85; the other two are far below it
    expect(miku.bins.slice(17).reduce((a, b) => a + b, 0)).toBe(1);
    expect(miku.bins.slice(0, 10).reduce((a, b) => a + b, 0)).toBe(2);
    // a tag as a caption shows it with spaces is found too; one the model lacks has every image in bin 0
    expect(await call('autotag.histogram', { runId, tag: 'hatsune miku' })).toMatchObject({ category: 'character', bins: miku.bins });
    expect(await call('autotag.histogram', { runId, tag: 'no_such_tag' })).toMatchObject({ category: null, bins: [3, ...new Array(19).fill(0)] });
  });

  it('suggests without writing; a rejected tag is never suggested again; an accepted one is the model’s, with its score', async () => {
    expect(await call('autotag.suggestions', { imageId: ids['blue-corner']! })).toEqual({ runId: null, modelId: null, suggestions: [] });
    expect(await call('autotag.apply', { runId, target: all, mode: 'suggest', settings: {} })).toEqual({ changed: 3, conflicts: [], refused: [] });
    expect(caption('blue-corner')).toBe('my tag');
    expect(exists('red-band')).toBeNull();
    expect(await call('history.state', {})).toMatchObject({ canUndo: false });

    const first = await call('autotag.suggestions', { imageId: ids['blue-corner']! });
    expect(first).toMatchObject({ runId, modelId: modelDir });
    // highest score first (these two tie: by name then)
    expect(first.suggestions.map((s) => [s.tag, s.category])).toEqual([
      ['blue_top_left', 'general'],
      ['hatsune_miku', 'character'],
    ]);
    expect(first.suggestions[0]!.score).toBeGreaterThanOrEqual(first.suggestions[1]!.score);
    const miku = first.suggestions[1]!;
    expect(miku.score).toBeGreaterThan(0.85);

    await call('autotag.reject', { imageId: ids['blue-corner']!, tag: 'blue_top_left' });
    await setTags('blue-corner', ['my tag', 'hatsune_miku']);
    expect(caption('blue-corner')).toBe('my tag, hatsune_miku');
    expect((await call('autotag.suggestions', { imageId: ids['blue-corner']! })).suggestions).toEqual([]);
    expect((await call('autotag.provenance', { imageId: ids['blue-corner']! })).tags).toEqual([
      { tag: 'my tag', source: 'person', modelId: null, score: null },
      { tag: 'hatsune_miku', source: 'model', modelId: modelDir, score: miku.score },
    ]);

    // suggesting again, at a lower threshold, leaves the rejected tag out still
    await call('autotag.apply', { runId, target: all, mode: 'suggest', settings: { general: 0.06 } });
    expect((await call('autotag.suggestions', { imageId: ids['blue-corner']! })).suggestions.map((s) => s.tag)).not.toContain('blue_top_left');
    // the other images' suggestions stand, untouched by the one turned down here
    expect((await call('autotag.suggestions', { imageId: ids['red-band']! })).suggestions.map((s) => s.tag)).toContain('red_bottom');
    // a person who types the rejected tag themselves wrote it
    await setTags('blue-corner', ['my tag', 'hatsune_miku', 'blue_top_left']);
    expect(await sources('blue-corner')).toEqual(['my tag:person', 'hatsune_miku:model', 'blue_top_left:person']);
  });

  it('records the tags an apply wrote, forgets them on undo, takes them back on redo, and loses one a person removed', async () => {
    await call('autotag.apply', { runId, target: all, mode: 'append', settings: {} });
    expect(await sources('blue-corner')).toEqual(['my tag:person', 'hatsune_miku:model', 'blue_top_left:model']);
    const scored = (await call('autotag.provenance', { imageId: ids['red-band']! })).tags;
    expect(scored.every((t) => t.source === 'model' && t.modelId === modelDir && t.score !== null && t.score > 0.35)).toBe(true);

    await call('history.undo', {});
    expect(await sources('blue-corner')).toEqual(['my tag:person']);
    expect((await call('autotag.review', {})).tags).toEqual([]);
    await call('history.redo', {});
    expect(await sources('blue-corner')).toEqual(['my tag:person', 'hatsune_miku:model', 'blue_top_left:model']);

    // a person takes one out: it is gone from the model's tags
    await setTags('blue-corner', ['my tag', 'hatsune_miku']);
    expect(await sources('blue-corner')).toEqual(['my tag:person', 'hatsune_miku:model']);
  });

  it('an undone apply whose redo is dropped by a new edit never counts again', async () => {
    await call('autotag.apply', { runId, target: all, mode: 'append', settings: {} });
    await call('history.undo', {});
    await setTags('tall', ['green_left_edge']);
    expect(await call('history.state', {})).toMatchObject({ canRedo: false });
    expect(await sources('tall')).toEqual(['green_left_edge:person']);
  });

  it('in replace mode a tag the caption had before stays the person’s', async () => {
    writeFileSync(join(dir, 'tall.txt'), 'green_left_edge, mine');
    await call('session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    await call('autotag.apply', { runId, target: all, mode: 'replace', settings: {} });
    expect(caption('tall')).toBe('green_left_edge');
    expect(await sources('tall')).toEqual(['green_left_edge:person']);
  });

  it('reviews the rows as the index has them, whoever wrote to them last: a run gone from the index leaves the review', async () => {
    await call('autotag.apply', { runId, target: all, mode: 'append', settings: {} });
    expect((await call('autotag.review', {})).tags.length).toBeGreaterThan(0);
    // a write the review's own store did not make: the run and its rows go in the index itself
    await api.workspace.requireSession().store.index.call('deleteTaggerRun', runId);
    expect((await call('autotag.review', {})).tags).toEqual([]);
  });

  it('reviews the model’s tags across the dataset, and settles one everywhere: remove (undoable) or keep', async () => {
    await setTags('tall', ['red_bottom']);
    await call('autotag.apply', { runId, target: all, mode: 'append', settings: {} });
    const review = (await call('autotag.review', {})).tags;
    expect(review.map((t) => [t.tag, t.images, t.category])).toEqual([
      ['blue_top_left', 1, 'general'],
      ['green_left_edge', 1, 'general'],
      ['hatsune_miku', 1, 'character'],
      ['kirisame_marisa', 1, 'character'],
      ['red_bottom', 1, 'general'],
    ]);
    expect(review.every((t) => t.meanScore > 0.35 && t.modelIds.length === 1 && t.modelIds[0] === modelDir)).toBe(true);

    // red_bottom leaves red-band, where the model wrote it, and stays in tall, where a person did
    expect(await call('autotag.settle', { tag: 'red_bottom', action: 'remove' })).toEqual({ changed: 1, conflicts: [] });
    expect(caption('red-band')).toBe('kirisame_marisa');
    expect(caption('tall')).toBe('red_bottom, green_left_edge');
    expect(await call('history.state', {})).toMatchObject({ undoLabel: 'Remove model tag “red_bottom” from 1 image' });
    await call('history.undo', {});
    expect(caption('red-band')).toBe('kirisame_marisa, red_bottom');
    expect(await sources('red-band')).toEqual(['kirisame_marisa:model', 'red_bottom:model']);

    expect(await call('autotag.settle', { tag: 'kirisame_marisa', action: 'keep' })).toEqual({ changed: 1, conflicts: [] });
    expect(await sources('red-band')).toEqual(['kirisame_marisa:person', 'red_bottom:model']);
    expect((await call('autotag.review', {})).tags.map((t) => t.tag)).not.toContain('kirisame_marisa');
    expect(caption('red-band')).toBe('kirisame_marisa, red_bottom');
  });

  it('filters by where tags came from and by the model’s scores', async () => {
    await call('autotag.apply', { runId, target: all, mode: 'append', settings: {} });
    expect(await filtered('source:model')).toEqual(['blue-corner', 'red-band', 'tall']);
    expect(await filtered('source:person')).toEqual(['blue-corner']);
    expect(await filtered('-source:person')).toEqual(['red-band', 'tall']);
    expect(await filtered('score:>=0')).toEqual(['blue-corner', 'red-band', 'tall']);
    expect(await filtered('score:<0')).toEqual([]);
    // each cut between the model tags' scores finds the images with a model tag on that side of it
    const scores: [string, number][] = [];
    for (const stem of ['blue-corner', 'red-band', 'tall']) {
      for (const t of (await call('autotag.provenance', { imageId: ids[stem]! })).tags) if (t.score !== null) scores.push([stem, t.score]);
    }
    const distinct = [...new Set(scores.map(([, score]) => score))].sort((a, b) => a - b);
    expect(distinct.length).toBeGreaterThan(1);
    for (let i = 0; i + 1 < distinct.length; i++) {
      const cut = (distinct[i]! + distinct[i + 1]!) / 2;
      const under = [...new Set(scores.filter(([, score]) => score < cut).map(([stem]) => stem))].sort();
      const over = [...new Set(scores.filter(([, score]) => score >= cut).map(([stem]) => stem))].sort();
      expect(await filtered(`score:<${cut}`)).toEqual(under);
      expect(await filtered(`score:>=${cut}`)).toEqual(over);
    }
    // a person's tag has no score: blue-corner's "my tag" does not make it match score:<0.5
    expect(await filtered(`score:<${distinct[0]!}`)).toEqual([]);
    // a batch target by filter sees the same
    await call('batch.apply', { target: { kind: 'filtered', query: 'source:person' }, op: { type: 'add', tags: ['checked'], position: 'end' } });
    expect(caption('blue-corner')).toBe('my tag, hatsune_miku, blue_top_left, checked');
    expect(exists('tall')).toBe('green_left_edge');

    await call('history.undo', {});
    await call('history.undo', {});
    expect(await filtered('source:model')).toEqual([]);
    expect(await call('images.filter', { query: 'score:<abc' })).toMatchObject({ ids: null, error: { message: expect.stringContaining('score:') } });
  });
});
