import { describe, expect, it } from 'vitest';
import { countListTags } from '../../../../src-main/core/app/count-list-tags';
import { parseTagList } from '../../../../src-main/core/vocabulary/tag-list';
import { listFileSource } from '../../../../src-main/core/vocabulary/tag-source';

const text = Array.from({ length: 20_000 }, (_, i) => (i % 1000 === 0 ? 'not a row' : `tag_${i},0,${i},`)).join('\n');

describe('countListTags', () => {
  it('counts a big list as parseTagList reads it', async () => {
    const whole = parseTagList(text, 'big.csv');
    expect(await countListTags(listFileSource(Buffer.from(text), 'big.csv'), () => true)).toEqual({
      tags: whole.tags.length,
      skipped: whole.skipped,
    });
  });

  it('stops when no longer wanted', async () => {
    let asked = 0;
    expect(await countListTags(listFileSource(Buffer.from(text), 'big.csv'), () => ++asked < 2)).toBeNull();
    expect(asked).toBe(2);
  });
});
