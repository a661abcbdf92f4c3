import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../bench/args';
import { rowsFor, targetVerdicts } from '../../../bench/report';
import { sideBySideTargets, withRatios } from '../../../bench/side-by-side';

describe('the side-by-side ratios', () => {
  it('are ours over theirs within one run', () => {
    const f = withRatios({ firstOpenMs: 300, reopenMs: 50, tagguiFirstMs: 1000, tagguiReopenMs: 1000, seedOursMs: 150, seedImportMs: 100 });
    expect(f.tagguiFirstRatio).toBeCloseTo(0.3);
    expect(f.tagguiReopenRatio).toBeCloseTo(0.05);
    expect(f.seedRatio).toBeCloseTo(1.5);
  });

  it('are not made where a peer did not run, and are NaN where its time is missing', () => {
    expect(withRatios({ firstOpenMs: 300 })).toEqual({ firstOpenMs: 300 });
    expect(withRatios({ firstOpenMs: 300, tagguiFirstMs: 0 }).tagguiFirstRatio).toBeNaN();
  });
});

describe('the side-by-side targets', () => {
  it('are the 10,000-image ones below 100,000 images and the 100,000-image ones from there', () => {
    expect(sideBySideTargets(1000)).toMatchObject({ tagguiFirst: 0.5, tagguiReopen: 0.1, reopenMs: null });
    expect(sideBySideTargets(100_000)).toMatchObject({ tagguiFirst: 0.3, tagguiReopen: 0.05, reopenMs: 1000 });
  });

  it('are met at the limit ("≤") and missed above it, in the --json verdicts', () => {
    const v = targetVerdicts({ images: 10_000, tagguiFirstRatio: 0.5, tagguiReopenRatio: 0.11, seedRatio: 1 });
    expect(v.tagguiFirstRatio).toEqual({ target: '≤ 0.5 ×', met: true });
    expect(v.tagguiReopenRatio).toEqual({ target: '≤ 0.1 ×', met: false });
    expect(v.seedRatio!.met).toBe(true);
  });

  it('hold the reopen to 1 s at 100,000 images, where the usual reopen target is replaced', () => {
    expect(targetVerdicts({ images: 100_000, reopenMs: 1000 }).reopenMs).toEqual({ target: '≤ 1000 ms', met: true });
    expect(targetVerdicts({ images: 100_000, reopenMs: 1001 }).reopenMs!.met).toBe(false);
    expect(rowsFor(10_000).find((r) => r.key === 'reopenMs')).toMatchObject({ max: 500 });
  });
});

describe('the bench flags for the peers', () => {
  it('take --taggui DIR, --seed DIR and --data-seed N', () => {
    const args = parseArgs(['--taggui', '/tmp/taggui', '--seed', '/tmp/civitai-tagger', '--data-seed', '7']);
    expect(args).toMatchObject({ taggui: '/tmp/taggui', seed: '/tmp/civitai-tagger', dataSeed: 7 });
    expect(parseArgs([])).toMatchObject({ taggui: null, seed: null, dataSeed: 1 });
  });

  it('say that a number after --seed now belongs to --data-seed', () => {
    expect(() => parseArgs(['--seed', '3'])).toThrow(/--data-seed 3/);
  });

  it('know the new phases by name', () => {
    expect([...parseArgs(['--only', 'taggui,seed']).only!]).toEqual(['taggui', 'seed']);
  });
});
