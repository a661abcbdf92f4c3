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

describe('classifyCaption in one pass', () => {
  /** the judge as it was written first, with split and trim: the one pass must agree with it */
  function byStrings(caption: string): 'text' | 'tags' | null {
    const text = caption.trim();
    if (text === '') return null;
    const pieces = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
    let words = 0;
    let longest = 0;
    let short = 0;
    for (const piece of pieces) {
      const n = piece.split(/\s+/).length;
      words += n;
      longest = Math.max(longest, n);
      if (n <= 3) short++;
    }
    const sentences = /[.!?]["')\]]?$/.test(text) || /[.!?]\s+\p{Lu}/u.test(text);
    if (sentences && words >= 5) return 'text';
    if (pieces.length >= 2 && short * 2 >= pieces.length) return 'tags';
    if (longest >= 8) return 'text';
    return null;
  }

  it('judges as split and trim do, with every kind of white space /\\s/ knows', () => {
    const spaces = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) => /\s/.test(ch));
    expect(spaces).toHaveLength(25);
    const alphabet = [...spaces, ',', ',', '.', '!', '?', '"', ')', 'A', 'Ä', 'b', 'ß', '1', '\u200b', 'word', 'Long'];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 20_000; i++) {
      const caption = Array.from({ length: random(60) }, () => alphabet[random(alphabet.length)]).join('');
      expect(classifyCaption(caption), JSON.stringify(caption)).toBe(byStrings(caption));
    }
    for (const ch of spaces) {
      const sentence = `A${ch}cat${ch}sat${ch}on${ch}the${ch}mat.`;
      expect(classifyCaption(sentence), ch.charCodeAt(0).toString(16)).toBe('text');
      expect(classifyCaption(`red${ch}hair,${ch}blue${ch}eyes`)).toBe('tags');
    }
  });
});
