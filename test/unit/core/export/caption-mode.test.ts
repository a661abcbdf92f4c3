import { describe, expect, it } from 'vitest';
import { classifyCaption, isOtherMode } from '../../../../src-main/core/export/caption-mode';

describe('classifyCaption', () => {
  it('reads a long sentence with few commas as text', () => {
    const sentence = 'A young woman with long red hair stands on a windy beach at sunset and looks out over the sea';
    expect(sentence.length).toBeGreaterThan(80);
    expect(classifyCaption(sentence)).toBe('text');
    expect(isOtherMode(sentence, 'tags')).toBe(true);
    expect(isOtherMode(sentence, 'text')).toBe(false);
  });

  it('reads a long tag list as tags, not text', () => {
    const tags = '1girl, solo, long hair, red hair, beach, sunset, looking at viewer, smile, outdoors, wind, ocean';
    expect(classifyCaption(tags)).toBe('tags');
    expect(isOtherMode(tags, 'tags')).toBe(false);
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
    expect(classifyCaption('A cat, sitting on a mat, in the sun.')).toBeNull();
  });
});
