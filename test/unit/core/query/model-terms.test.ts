import { describe, expect, it } from 'vitest';
import { compileQuery, filterImages, indexImage } from '../../../../src-main/core/query';

const image = (tags: string[]) => indexImage({ name: 'a.png', path: 'a.png', caption: tags.join(', '), tags, status: 'tagged' });
// three images: all the model's (0.9, 0.4), a person's and the model's (0.6), a person's alone
const images = [image(['smile', 'sky']), image(['mine', 'hat']), image(['mine'])];
const model = [[0.9, 0.4], [0.6], []];
const matches = (query: string) => {
  const found = filterImages(images, query, (i) => model[i]!);
  if (!found.ok) throw new Error(found.error.message);
  return found.indices;
};

describe('filter terms for the model’s tags', () => {
  it('source:model finds images with a tag a model wrote; source:person those with a tag a person wrote', () => {
    expect(matches('source:model')).toEqual([0, 1]);
    expect(matches('source:person')).toEqual([1, 2]);
    expect(matches('source:Model -source:person')).toEqual([0]);
  });

  it('score: compares each model tag’s score, and matches when any of them passes', () => {
    expect(matches('score:<0.5')).toEqual([0]);
    expect(matches('score:>0.5')).toEqual([0, 1]);
    expect(matches('score:<=0.4')).toEqual([0]);
    expect(matches('score:<0.4')).toEqual([]);
    expect(matches('score:>=0.6 tag:hat')).toEqual([1]);
    expect(matches('score:>=.9 OR status:todo')).toEqual([0]);
  });

  it('says when a query needs the model’s tags, so they are read only then', () => {
    expect(compileQuery('tag:smile')).toMatchObject({ ok: true, readsModelTags: false });
    expect(compileQuery('tag:smile OR NOT score:<0.3')).toMatchObject({ ok: true, readsModelTags: true });
  });

  it('explains a bad value where it is', () => {
    expect(compileQuery('score:0.5')).toMatchObject({ ok: false, error: { message: expect.stringContaining('score:<0.5'), start: 6, end: 9 } });
    expect(compileQuery('score:<2')).toMatchObject({ ok: false, error: { message: expect.stringContaining('from 0 to 1') } });
    expect(compileQuery('source:robot')).toMatchObject({ ok: false, error: { message: 'Unknown source "robot": use model or person' } });
    expect(compileQuery('sauce:model')).toMatchObject({ ok: false, error: { message: expect.stringContaining('source: score:') } });
  });
});
