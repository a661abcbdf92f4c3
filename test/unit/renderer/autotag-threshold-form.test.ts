import { describe, expect, it } from 'vitest';
import { buildSettings, initialThresholds } from '../../../src-renderer/features/autotag/threshold-form';

describe('auto-tag threshold form', () => {
  it('starts at the reference tagger defaults and reads as the contract settings', () => {
    expect(buildSettings(initialThresholds())).toEqual({
      settings: { general: 0.35, character: 0.85, mcut: false, maxTags: null, exclude: [], always: [], underscoresToSpaces: false },
      problem: null,
    });
    expect(initialThresholds(true).underscoresToSpaces).toBe(true);
  });

  it('keeps excluded globs and always-added tags as typed, without the spaces around them', () => {
    const built = buildSettings({ ...initialThresholds(), exclude: ' *_background , monochrome,, ', always: 'Blue Sky,  solo ', maxTags: ' 12 ' });
    expect(built.settings).toMatchObject({ exclude: ['*_background', 'monochrome'], always: ['Blue Sky', 'solo'], maxTags: 12 });
  });

  it('says what is wrong with a tag limit that is not a whole number from 1 to 1000', () => {
    for (const maxTags of ['0', '1.5', 'ten', '1001']) {
      const built = buildSettings({ ...initialThresholds(), maxTags });
      expect(built.settings).toBeNull();
      expect(built.problem).toMatch(/Max tags/);
    }
  });

  it('refuses more always-added tags than the contract takes, with the limit in words', () => {
    const always = Array.from({ length: 101 }, (_, i) => `t${i}`).join(', ');
    expect(buildSettings({ ...initialThresholds(), always }).problem).toBe('At most 100 tags to always add');
  });
});
