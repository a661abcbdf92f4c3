import { describe, expect, it } from 'vitest';
import { frequentWords } from '../../../src-renderer/features/tags-panel/caption-words';

describe('frequentWords', () => {
  it('counts words and repeated two-word phrases by fragment, without stop words, most used first', () => {
    const fragments = new Map([
      ['A woman with red hair', 3],
      ['smiling at the camera.', 1],
      ['red hair in the wind', 1],
      ['2 cats', 1],
    ]);
    expect(frequentWords(fragments)).toEqual([
      { phrase: 'hair', count: 4 },
      { phrase: 'red', count: 4 },
      { phrase: 'red hair', count: 4 },
      { phrase: 'woman', count: 3 },
      { phrase: 'camera', count: 1 },
      { phrase: 'cats', count: 1 },
      { phrase: 'smiling', count: 1 },
      { phrase: 'wind', count: 1 },
    ]);
  });

  it('counts a word once per fragment and keeps at most the limit', () => {
    expect(frequentWords(new Map([['cat and cat and cat', 2]]))).toEqual([{ phrase: 'cat', count: 2 }]);
    expect(frequentWords(new Map([['alpha beta gamma', 1]]), 2)).toEqual([
      { phrase: 'alpha', count: 1 },
      { phrase: 'beta', count: 1 },
    ]);
  });
});
