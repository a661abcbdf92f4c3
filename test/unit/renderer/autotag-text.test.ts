import { describe, expect, it } from 'vitest';
import { modelName, previewText, providerText, runText, suggestedText } from '../../../src-renderer/features/autotag/autotag-text';
import { sortReview } from '../../../src-renderer/features/autotag/review-sort';

const preview = (gain: [number, number], lose: [number, number], scored = 10) => ({
  scored,
  gaining: { images: gain[0], tags: gain[1] },
  losing: { images: lose[0], tags: lose[1] },
  unchanged: scored - gain[0] - lose[0],
  cuts: { general: 0.35, character: 0.85 },
});

describe('auto-tag texts', () => {
  it('says how many images gain and lose how many tags, in the singular when one', () => {
    expect(previewText(preview([3, 7], [1, 2]))).toBe('3 images gain 7 tags, 1 image loses 2 tags');
    expect(previewText(preview([1, 1], [0, 0]))).toBe('1 image gains 1 tag');
    expect(previewText(preview([0, 0], [2, 5]))).toBe('2 images lose 5 tags');
    expect(previewText(preview([0, 0], [0, 0], 4))).toBe('No change to any of 4 images');
    expect(previewText(preview([0, 0], [0, 0], 0))).toBe('The run has no scores for these images');
  });

  it('reports a run with its failures, its resumed images and a cancel', () => {
    const run = { runId: 1, scored: 5, failed: 1, skipped: 2, cancelled: false, provider: 'cpu' as const, fallback: null, failures: [{ name: 'a.png', reason: 'not an image' }] };
    expect(runText(run)).toBe('Scored 5 images, 1 could not be read, 2 scored by an earlier run, not again');
    expect(runText({ ...run, failed: 0, skipped: 0, cancelled: true, scored: 1 })).toBe('Cancelled after scoring 1 image');
  });

  it('shows the fallback to CPU with its reason, never hides it', () => {
    const run = { runId: 1, scored: 5, failed: 0, skipped: 0, cancelled: false, provider: 'cpu' as const, fallback: null, failures: [] };
    expect(providerText(run)).toBe('On CPU');
    expect(providerText({ ...run, fallback: 'CUDA is not in this onnxruntime-node' })).toBe('On CPU: CUDA is not in this onnxruntime-node');
  });

  it('says how many images show suggestions after a suggest apply', () => {
    expect(suggestedText(2)).toBe('Suggestions on 2 images, after their tags: click or Tab to accept, × to turn down');
    expect(suggestedText(1)).toBe('Suggestions on 1 image, after its tags: click or Tab to accept, × to turn down');
    expect(suggestedText(0)).toBe('No image has a suggestion at these settings');
  });

  it('names a model by the last part of its repository id or folder', () => {
    expect(modelName('SmilingWolf/wd-vit-tagger-v3')).toBe('wd-vit-tagger-v3');
    expect(modelName('/data/models/tiny/')).toBe('tiny');
    expect(modelName('C:\\models\\wd14')).toBe('wd14');
    expect(modelName(null)).toBe('a model');
  });
});

describe('review order', () => {
  const rows = [
    { tag: 'solo', images: 3, meanScore: 0.9 },
    { tag: 'blue_sky', images: 3, meanScore: 0.4 },
    { tag: 'cat', images: 8, meanScore: 0.6 },
  ];
  it('sorts by images, by mean score or by name, ties by name', () => {
    expect(sortReview(rows, { by: 'images', descending: true }).map((r) => r.tag)).toEqual(['cat', 'blue_sky', 'solo']);
    expect(sortReview(rows, { by: 'meanScore', descending: false }).map((r) => r.tag)).toEqual(['blue_sky', 'cat', 'solo']);
    expect(sortReview(rows, { by: 'tag', descending: false }).map((r) => r.tag)).toEqual(['blue_sky', 'cat', 'solo']);
  });
});
