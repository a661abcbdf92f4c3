import { describe, expect, it } from 'vitest';
import { runBadFiles } from './bad-files/run-bad-files';

/**
 * The short run of the bad-files harness (`npm run torture` runs it with
 * 50,000 empty .jpg files): every kind of hostile or odd input, opened in
 * place and imported, shown, edited and exported by the real host where
 * permissions bind.
 */
describe('a folder of hostile and odd files', () => {
  it('crashes nothing, drops no image without a reason, and changes no caption it was not asked to', { timeout: 180_000 }, async () => {
    const summary = await runBadFiles({ bulk: 200, callTimeoutMs: 60_000 });
    expect(summary.inputs).toBeGreaterThanOrEqual(60);
    expect(summary.crashes).toEqual([]);
    expect(summary.dropped).toEqual([]);
    expect(summary.captionChanges).toEqual([]);
    // the corpus is not all refused: real images among it are listed, shown, edited and exported either way
    for (const mode of ['in-place', 'import'] as const) {
      expect(summary.counts[mode].listed).toBeGreaterThan(50);
      expect(summary.counts[mode].exported).toBeGreaterThan(50);
      expect(summary.counts[mode].edited).toBeGreaterThan(20);
    }
  });
});
