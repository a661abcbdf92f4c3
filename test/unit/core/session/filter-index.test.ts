import { describe, expect, it } from 'vitest';
import { parseTags } from '../../../../src-shared/tag-text';
import { FilterIndex } from '../../../../src-main/core/session/filter-index';
import type { ImageEntry } from '../../../../src-main/core/session/image-entry';

function entry(id: number, relPath: string, text: string, skip = false): ImageEntry {
  return {
    row: { id, relPath, ord: id, size: 1, mtimeMs: 0, width: 1, height: 1, format: 'png', probed: true, fingerprint: null, skip },
    captionRel: relPath.replace(/\.\w+$/, '.txt'),
    caption: {
      text,
      tags: parseTags(text),
      format: { encoding: 'utf8', bom: false, lineEnding: 'none' },
      exists: true,
      fingerprint: 'x',
      size: text.length,
      mtimeMs: 0,
      revision: 0,
      conflict: null,
    },
  };
}

const ids = async (index: FilterIndex, query: string) => {
  const found = await index.filter(query);
  if (!found.ok) throw new Error(found.error.message);
  return found.entries.map((e) => e.row.id);
};

/** the session replaces an image's caption state on every change, as adopt() does */
function recaption(e: ImageEntry, text: string) {
  e.caption = { ...e.caption, text, tags: parseTags(text) };
}

describe('FilterIndex', () => {
  it('answers in dataset order, matching names, paths and tags without regard to case', async () => {
    const index = new FilterIndex();
    index.reset([entry(3, 'b/Zeta.PNG', 'Red, hat'), entry(1, 'a/alpha.png', 'blue'), entry(2, 'a/beta.png', '')]);
    expect(await ids(index, 'tag:red')).toEqual([3]);
    expect(await ids(index, 'name:zeta.png OR path:a/')).toEqual([3, 1, 2]);
    expect(await ids(index, 'tags:=0')).toEqual([2]);
    expect(await ids(index, '')).toEqual([3, 1, 2]);
  });

  it('returns a bad query as an error with its range', async () => {
    const index = new FilterIndex();
    index.reset([entry(1, 'a.png', 'x')]);
    expect(await index.filter('tags:lots')).toMatchObject({ ok: false, error: { start: 5, end: 9 } });
  });

  it('indexes an image once, and again only when told it changed', async () => {
    const a = entry(1, 'a.png', 'red');
    const index = new FilterIndex();
    index.reset([a]);
    expect(await ids(index, 'tag:red')).toEqual([1]);
    recaption(a, 'blue');
    // still the index built from "red": nothing is lower-cased or rebuilt per query
    expect(await ids(index, 'tag:blue')).toEqual([]);
    index.invalidate(1);
    expect(await ids(index, 'tag:blue')).toEqual([1]);
    a.row.skip = true;
    index.invalidate(1);
    expect(await ids(index, 'status:skip')).toEqual([1]);
  });

  it('keeps what it indexed across a new list, and indexes the newcomers', async () => {
    const a = entry(1, 'a.png', 'red');
    const index = new FilterIndex();
    index.reset([a]);
    await index.warm(() => true);
    recaption(a, 'changed without telling');
    index.reset([entry(5, '0.png', 'red'), a]);
    expect(await ids(index, 'tag:red')).toEqual([5, 1]);
  });

  it('loses no change made while it warms up in slices', async () => {
    const many = Array.from({ length: 30_000 }, (_, i) => entry(i + 1, `img_${i + 1}.png`, 'red, hat'));
    const index = new FilterIndex();
    index.reset(many);
    const warming = index.warm(() => true);
    await new Promise((r) => setImmediate(r));
    recaption(many[0]!, 'blue');
    index.invalidate(1);
    await warming;
    expect(await ids(index, 'tag:blue')).toEqual([1]);

    const rewarming = index.warm(() => true);
    await new Promise((r) => setImmediate(r));
    index.reset([...many.slice(1), entry(99_999, 'new.png', 'blue')]);
    await rewarming;
    expect(await ids(index, 'tag:blue')).toEqual([99_999]);
  });

  it('forgets the images a much shorter list left out, and keeps the index of those it kept', async () => {
    const many = Array.from({ length: 3_000 }, (_, i) => entry(i + 1, `img_${i + 1}.png`, 'red'));
    const index = new FilterIndex();
    index.reset(many);
    await index.warm(() => true);
    const [kept, left] = [many[0]!, many[1]!];
    recaption(kept, 'changed without telling');
    recaption(left, 'blue');
    // three thousand indexed for a list of one: they are pruned to the one
    index.reset([kept]);
    expect(await ids(index, 'tag:red')).toEqual([1]);
    // an image that comes back after the prune is indexed as it is now
    index.reset([kept, left]);
    expect(await ids(index, 'tag:blue')).toEqual([2]);
    expect(await ids(index, 'tag:red')).toEqual([1]);
  });
});
