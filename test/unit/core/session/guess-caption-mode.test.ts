import { describe, expect, it } from 'vitest';
import { guessCaptionMode, looksLikeProse } from '../../../../src-main/core/session/guess-caption-mode';

const asText = (t: string) => t;
const TAGS = '1girl, solo, long hair, looking at viewer, smile, blue eyes, dress, outdoors, sky, cloud, flower, field';
const PROSE =
  'A young woman with long red hair stands in a field of sunflowers at sunset, smiling softly at the camera while the wind lifts her dress.';

describe('looksLikeProse', () => {
  it('takes a long caption with few commas as prose', () => {
    expect(looksLikeProse(PROSE)).toBe(true);
  });

  it('takes a tag list as tags, however long', () => {
    expect(looksLikeProse(TAGS)).toBe(false);
    expect(looksLikeProse(Array.from({ length: 60 }, (_, i) => `tag ${i}`).join(', '))).toBe(false);
  });

  it('takes a caption of 80 characters or fewer as tags, commas or not', () => {
    expect(looksLikeProse('a photo of a cat sitting on a mat')).toBe(false);
    expect(looksLikeProse('x'.repeat(80))).toBe(false);
    expect(looksLikeProse('x'.repeat(81))).toBe(true);
  });
});

describe('guessCaptionMode', () => {
  it('is null with no captions to judge by', () => {
    expect(guessCaptionMode([], asText)).toBeNull();
    expect(guessCaptionMode(['', '  '], asText)).toBeNull();
  });

  it('says text when most captions are prose, ignoring empty ones', () => {
    expect(guessCaptionMode([PROSE, PROSE, TAGS, '', ''], asText)).toBe('text');
  });

  it('says tags for tag lists, and for a tie', () => {
    expect(guessCaptionMode([TAGS, TAGS, PROSE], asText)).toBe('tags');
    expect(guessCaptionMode([TAGS, PROSE], asText)).toBe('tags');
    expect(guessCaptionMode(['short one', 'another'], asText)).toBe('tags');
  });

  it('judges a large dataset by an even sample, not by its first captions', () => {
    // 100,000 captions: the first 10,000 tag lists, the rest prose
    const texts = Array.from({ length: 100_000 }, (_, i) => (i < 10_000 ? TAGS : PROSE));
    expect(guessCaptionMode(texts, asText)).toBe('text');
    expect(guessCaptionMode(texts.map((t) => (t === PROSE ? TAGS : PROSE)), asText)).toBe('tags');
  });
});
