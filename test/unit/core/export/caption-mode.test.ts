import { describe, expect, it } from 'vitest';
import { classifyCaption, guessCaptionMode, isOtherMode } from '../../../../src-main/core/export/caption-mode';

const asText = (t: string) => t;
const TAGS = '1girl, solo, long hair, looking at viewer, smile, blue eyes, dress, outdoors, sky, cloud, flower, field';
const PROSE =
  'A young woman with long red hair stands in a field of sunflowers at sunset, smiling softly at the camera while the wind lifts her dress.';
/** a dataset captioned as comma-separated phrases, as a person or a VLM prompted for tags writes them */
const PHRASES = 'mensa-food, a meal on a white tray, from above, close-up, no humans';
/** one long description among short tags: long enough, with few enough commas, to pass for prose by length alone */
const PHRASES_LONG =
  'mensa-food, a tray with pasta in tomato sauce topped with grated cheese next to a green salad in a small bowl, from above, close-up, no humans';

describe('classifyCaption', () => {
  it('reads a long sentence with few commas as text', () => {
    const sentence = 'A young woman with long red hair stands on a windy beach at sunset and looks out over the sea';
    expect(classifyCaption(sentence)).toBe('text');
    expect(isOtherMode(sentence, 'tags')).toBe(true);
    expect(isOtherMode(sentence, 'text')).toBe(false);
  });

  it('reads prose with commas as text', () => {
    expect(classifyCaption('A cat sits on a mat, looking at the camera, while the sun sets.')).toBe('text');
    expect(classifyCaption('A cat, sitting on a mat, in the sun.')).toBe('text');
    expect(classifyCaption(PROSE)).toBe('text');
  });

  it('reads a long tag list as tags, not text', () => {
    expect(classifyCaption(TAGS)).toBe('tags');
    expect(isOtherMode(TAGS, 'tags')).toBe(false);
  });

  it('reads comma-separated phrases as tags', () => {
    expect(classifyCaption(PHRASES)).toBe('tags');
    expect(classifyCaption(PHRASES_LONG)).toBe('tags');
  });

  it('reads a short comma list as tags, and flags it in a text dataset', () => {
    expect(classifyCaption('1girl, solo, red hair')).toBe('tags');
    expect(isOtherMode('1girl, solo, red hair', 'text')).toBe(true);
  });

  it('judges a 10 MB tag list without running out of stack', () => {
    const huge = 'red, '.repeat(2_000_000) + 'blue';
    expect(classifyCaption(huge)).toBe('tags');
  });

  it('does not judge what it cannot tell', () => {
    expect(classifyCaption('')).toBeNull();
    expect(classifyCaption('a cat on a mat')).toBeNull();
    expect(classifyCaption('1girl')).toBeNull();
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

  it('says tags for a dataset of comma-separated phrases', () => {
    expect(guessCaptionMode([PHRASES, PHRASES_LONG, PHRASES_LONG], asText)).toBe('tags');
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
