import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { previewApply } from '../../../../src-main/core/autotag/apply-preview';
import { decodeScores, packScores } from '../../../../src-main/core/autotag/packed-scores';
import { scoreHistogram } from '../../../../src-main/core/autotag/score-histogram';
import { ScoreStore } from '../../../../src-main/core/autotag/score-store';
import { loadRun, type StoredRun } from '../../../../src-main/core/autotag/stored-run';
import type { ModelTag } from '../../../../src-main/core/autotag/tag-csv';
import { createSelector, DEFAULT_SELECTION, type SelectionSettings } from '../../../../src-main/core/autotag/tag-selection';
import { defaultTaggerThreads } from '../../../../src-main/core/autotag/tagger-threads';
import type { ImageEntry } from '../../../../src-main/core/session/image-entry';
import { SessionStore } from '../../../../src-main/core/store/session-store';
import { IndexThread } from '../../../../src-main/workers/index-thread';
import { makeTempDir } from '../../../support/temp-dir';

const LABELS: ModelTag[] = [
  { name: 'general', category: 'rating' },
  { name: 'explicit', category: 'rating' },
  { name: 'long_hair', category: 'general' },
  { name: 'smile', category: 'general' },
  { name: 'blue_sky', category: 'general' },
  { name: 'white_background', category: 'general' },
  { name: 'hatsune_miku', category: 'character' },
  { name: 'kirisame_marisa', category: 'character' },
];
const FLOOR = 0.05;

/** a run as main keeps it, from each image's probabilities in LABELS' order */
function storedRun(images: Record<number, number[]>): StoredRun {
  const map = new Map(Object.entries(images).map(([id, p]) => [Number(id), decodeScores(packScores(Float32Array.from(p), FLOOR))]));
  return { runId: 1, modelId: 'm', labels: LABELS, images: map };
}
const entry = (id: number, tags: string[]) => ({ row: { id }, caption: { tags } }) as unknown as ImageEntry;

describe('selecting from kept scores', () => {
  it('chooses from the scores above the floor what it chooses from every probability, MCut included', () => {
    const probability = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(probability, { minLength: LABELS.length, maxLength: LABELS.length }),
        fc.record({ general: fc.double({ min: FLOOR, max: 1, noNaN: true }), character: fc.double({ min: FLOOR, max: 1, noNaN: true }), mcut: fc.boolean(), maxTags: fc.option(fc.integer({ min: 1, max: 5 })) }),
        (probs, picked) => {
          // what the store keeps: scores under the floor are gone, the rest rounded to 1/65535
          const { indices, scores } = decodeScores(packScores(Float32Array.from(probs), FLOOR));
          const dense = new Float32Array(LABELS.length);
          indices.forEach((i, k) => (dense[i] = scores[k]!));
          const selector = createSelector(LABELS, { ...DEFAULT_SELECTION, ...picked, exclude: ['white_*'] });
          // (the rating is not compared: under the floor it is unknown, where every probability names one)
          const { tags, thresholds } = selector.select(dense);
          expect(selector.selectSparse(indices, scores)).toMatchObject({ tags, thresholds });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts the labels not kept as 0 for MCut: one kept general score against zeros cuts halfway to it', () => {
    const { indices, scores } = decodeScores(packScores(Float32Array.from([0, 0, 0.8, 0, 0, 0, 0, 0]), FLOOR));
    const picked = createSelector(LABELS, { ...DEFAULT_SELECTION, mcut: true }).selectSparse(indices, scores);
    expect(picked.thresholds.general).toBeCloseTo(0.4, 4);
    expect(picked.tags.map((t) => t.name)).toEqual(['long_hair']);
  });
});

describe('previewing an apply', () => {
  //                  gen  expl long smile sky  white miku marisa
  const run = storedRun({
    1: [0.9, 0.1, 0.8, 0.4, 0.2, 0.0, 0.9, 0.1],
    2: [0.1, 0.9, 0.3, 0.6, 0.5, 0.7, 0.1, 0.95],
    3: [0.5, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
  });
  const entries = [entry(1, ['mine', 'long_hair']), entry(2, []), entry(3, ['mine']), entry(4, ['not scored'])];
  const preview = (settings: Partial<SelectionSettings>, mode: 'append' | 'replace' | 'suggest', rejected = new Map<number, Set<string>>()) =>
    previewApply(run, { ...DEFAULT_SELECTION, ...settings }, mode, entries, null, rejected);

  it('counts the tags each image would gain and lose, by hand', async () => {
    // 1 gains hatsune_miku and smile (long_hair it has); 2 gains kirisame_marisa, white_background, smile, blue_sky; 3 nothing
    expect(await preview({}, 'append')).toEqual({
      scored: 3,
      gaining: { images: 2, tags: 6 },
      losing: { images: 0, tags: 0 },
      unchanged: 1,
      cuts: { general: 0.35, character: 0.85 },
    });
    // replace at 0.55: 1 becomes hatsune_miku, long_hair (loses mine); 2 kirisame_marisa, white_background, smile; 3 empty (loses mine)
    expect(await preview({ general: 0.55 }, 'replace')).toMatchObject({ gaining: { images: 2, tags: 4 }, losing: { images: 2, tags: 2 }, unchanged: 0 });
  });

  it('in suggest mode counts the suggestions an image would show, leaving out those turned down', async () => {
    expect(await preview({}, 'suggest', new Map([[2, new Set(['smile', 'blue_sky'])]]))).toMatchObject({ gaining: { images: 2, tags: 4 }, losing: { images: 0, tags: 0 } });
  });

  it('gives MCut’s cut as the median of the images’ cuts', async () => {
    const { cuts } = await preview({ mcut: true }, 'append');
    // general cuts: 1 → 0.8 0.4 0.2 and a 0 not kept: (0.8+0.4)/2 = 0.6; 2 → 0.7 0.6 0.5 0.3: (0.5+0.3)/2 = 0.4;
    // 3 → four scores of 0.1, no gap: 0.1. The median is 0.4
    expect(cuts.general).toBeCloseTo(0.4, 4);
  });
});

describe('a tag’s histogram', () => {
  it('puts each scored image in its bin of 0.05, an unkept score in bin 0 and a score of 1 in the last', () => {
    const run = storedRun({ 1: [0, 0, 0.42, 0, 0, 0, 0, 0], 2: [0, 0, 1, 0, 0, 0, 0, 0], 3: [0, 0, 0.01, 0, 0, 0, 0, 0] });
    const h = scoreHistogram({ ...run, images: new Map([...run.images, [4, { error: 'unreadable' }]]) }, 'long hair');
    expect(h).toMatchObject({ tag: 'long hair', category: 'general', images: 3 });
    expect(h.bins.flatMap((n, i) => (n > 0 ? [[i, n]] : []))).toEqual([
      [0, 1],
      [8, 1],
      [19, 1],
    ]);
  });
});

describe('threads for the tagger', () => {
  it('leaves one core free, and never asks for none', () => {
    expect(defaultTaggerThreads(8)).toBe(7);
    expect(defaultTaggerThreads(2)).toBe(1);
    expect(defaultTaggerThreads(1)).toBe(1);
  });
});

describe('a run’s scores kept in main', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (tmp = makeTempDir()));
  afterEach(() => tmp.cleanup());

  it('are read once, and read again after the run stores more', async () => {
    const index = await IndexThread.open(join(tmp.path, 'session.sqlite'));
    const row = (relPath: string, ord: number) => ({ relPath, ord, size: 1, mtimeMs: 1, width: null, height: null, format: null, probed: false });
    const [a, b] = await new SessionStore(index).insertImages([row('a.png', 0), row('b.png', 1)]);
    const scores = new ScoreStore(index);
    const runId = await scores.startRun('m', LABELS, {});
    await scores.put(runId, [{ imageId: a!, packed: packScores(new Float32Array(LABELS.length).fill(0.5), FLOOR), error: null }]);
    const first = await loadRun(index, runId);
    expect(await loadRun(index, runId)).toBe(first);
    await scores.put(runId, [{ imageId: b!, packed: null, error: 'unreadable' }]);
    const again = await loadRun(index, runId);
    expect([...again.images.keys()]).toEqual([a, b]);
    expect(again.images.get(b!)).toEqual({ error: 'unreadable' });
    await index.close();
  });
});
