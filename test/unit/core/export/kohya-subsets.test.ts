import { describe, expect, it } from 'vitest';
import { parseSubsetFolder, subsetOf } from '../../../../src-main/core/export/kohya-subsets';

const fallback = { folder: '10_shoot', repeats: 10, name: 'shoot' };

describe('kohya subsets', () => {
  it('reads <repeats>_<name> with the repeats the export options allow', () => {
    expect(parseSubsetFolder('5_cat')).toEqual({ folder: '5_cat', repeats: 5, name: 'cat' });
    expect(parseSubsetFolder('12_ohwx woman')).toEqual({ folder: '12_ohwx woman', repeats: 12, name: 'ohwx woman' });
    for (const not of ['0_cat', '20000_cat', 'cat_5', '5_', '5_ ', 'x5_cat', 'cats']) expect(parseSubsetFolder(not)).toBeNull();
  });

  it('puts an image in the nearest subset folder of its path, named from below it', () => {
    expect(subsetOf('5_cat/a.png', fallback)).toEqual({ subset: parseSubsetFolder('5_cat'), rel: 'a.png' });
    expect(subsetOf('train/3_dog/close/b.png', fallback)).toEqual({ subset: parseSubsetFolder('3_dog'), rel: 'close/b.png' });
    expect(subsetOf('top.png', fallback)).toEqual({ subset: fallback, rel: 'top.png' });
    // a file named like a folder is not a subset
    expect(subsetOf('misc/5_cat.png', fallback)).toEqual({ subset: fallback, rel: 'misc/5_cat.png' });
  });
});
