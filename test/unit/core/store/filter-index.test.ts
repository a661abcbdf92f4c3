import { describe, expect, it } from 'vitest';
import { FilterIndex } from '../../../../src-main/core/store/filter-index';
import { IndexDatabase, type CaptionRow } from '../../../../src-main/core/store/index-database';

/** an index of these images, in this order, each with its caption ('' for none) */
function indexOf(images: [relPath: string, caption: string | null][]) {
  const db = IndexDatabase.inMemory();
  const ids = db.insertImages(images.map(([relPath], ord) => ({ relPath, ord, size: 1, mtimeMs: 1, width: null, height: null, format: null, probed: false })));
  db.upsertCaptions(images.flatMap(([, text], i) => (text === null ? [] : [captionRow(ids[i]!, text)])));
  return { db, ids };
}

function captionRow(imageId: number, text: string): CaptionRow {
  return { imageId, onDisk: true, fingerprint: 'x', size: text.length, mtimeMs: 1, encoding: 'utf8', bom: false, lineEnding: 'none', text };
}

function matches(filter: FilterIndex, query: string): number[] {
  const found = filter.filterImages(query);
  if (!found.ok) throw new Error(found.error.message);
  return [...found.ids];
}

describe('FilterIndex (on the index thread)', () => {
  it('answers in the list’s order, matching names, paths and tags without regard to case', () => {
    const { db, ids } = indexOf([
      ['b/Zeta.PNG', 'Red, hat'],
      ['a/alpha.png', 'blue'],
      ['a/beta.png', null],
    ]);
    const filter = new FilterIndex(db);
    const [zeta, alpha, beta] = ids;
    expect(matches(filter, 'tag:red')).toEqual([zeta]);
    expect(matches(filter, 'name:zeta.png OR path:a/')).toEqual([zeta, alpha, beta]);
    expect(matches(filter, 'tags:=0 status:todo')).toEqual([beta]);
    expect(matches(filter, '')).toEqual(ids);
  });

  it('returns a bad query as an error with its range', () => {
    const filter = new FilterIndex(indexOf([['a.png', 'x']]).db);
    expect(filter.filterImages('tags:lots')).toMatchObject({ ok: false, error: { start: 5, end: 9 } });
  });

  it('sees every write to what it reads once it has indexed it: captions, skips, images in and out, and the order', () => {
    const { db, ids } = indexOf([
      ['a.png', 'red'],
      ['b.png', 'red'],
    ]);
    const [a, b] = ids as [number, number];
    const filter = new FilterIndex(db);
    expect(matches(filter, 'tag:red')).toEqual([a, b]);

    db.upsertCaptions([captionRow(a, 'blue')]);
    expect(matches(filter, 'tag:red')).toEqual([b]);
    db.setSkip(b, true);
    expect(matches(filter, 'status:skip')).toEqual([b]);
    const [c] = db.insertImages([{ relPath: 'c.png', ord: -1, size: 1, mtimeMs: 1, width: null, height: null, format: null, probed: false }]);
    expect(matches(filter, 'status:todo')).toEqual([c]);
    db.setOrds([{ id: c!, ord: 5 }]);
    expect(matches(filter, '')).toEqual([a, b, c]);
    db.deleteImages([a]);
    expect(matches(filter, '')).toEqual([b, c]);
  });

  it('forgets an image that leaves the list, and indexes the next one as itself under an id of its own', () => {
    const { db, ids } = indexOf([
      ['a.png', 'red'],
      ['b.png', 'red'],
    ]);
    const filter = new FilterIndex(db);
    expect(matches(filter, 'tag:red')).toEqual(ids);
    db.deleteImages([ids[1]!]);
    const [c] = db.insertImages([{ relPath: 'c.png', ord: 2, size: 1, mtimeMs: 1, width: null, height: null, format: null, probed: false }]);
    expect(c).toBeGreaterThan(ids[1]!); // ids are never given twice (migration 009)
    expect(matches(filter, 'tag:red')).toEqual([ids[0]]);
    expect(matches(filter, 'name:c.png status:todo')).toEqual([c]);
  });

  it('indexes ahead in steps, and a change between steps is not lost', () => {
    const { db, ids } = indexOf(Array.from({ length: 5000 }, (_, i): [string, string] => [`img_${i}.png`, 'red, hat']));
    const filter = new FilterIndex(db);
    expect(filter.warmFilter(2000)).toBe(false);
    db.upsertCaptions([captionRow(ids[10]!, 'blue')]);
    db.upsertCaptions([captionRow(ids[4000]!, 'blue')]);
    expect(filter.warmFilter(2000)).toBe(false);
    expect(filter.warmFilter(2000)).toBe(true);
    expect(matches(filter, 'tag:blue')).toEqual([ids[10], ids[4000]]);
    expect(matches(filter, 'tag:red')).toHaveLength(4998);
  });

  it('filters a caption the last sync could not read as empty, as main shows it, and as it was once it reads', () => {
    const { db, ids } = indexOf([
      ['a.png', 'red'],
      ['b.png', 'red'],
    ]);
    const [a, b] = ids as [number, number];
    let unreadable: ReadonlySet<number> = new Set();
    const filter = new FilterIndex(db, () => unreadable);
    expect(matches(filter, 'tag:red')).toEqual([a, b]);
    unreadable = new Set([a]);
    expect(matches(filter, 'tag:red')).toEqual([b]);
    expect(matches(filter, 'status:todo')).toEqual([a]);
    unreadable = new Set();
    expect(matches(filter, 'tag:red')).toEqual([a, b]);
  });

  it('reads model tags only while the caption, as written, still holds them', () => {
    const { db, ids } = indexOf([
      ['a.png', 'smile, Hat'],
      ['b.png', 'smile'],
      ['c.png', 'smile'],
    ]);
    const [a, b, c] = ids as [number, number, number];
    const runId = db.startTaggerRun('m', [['smile', 'general']], '{}', 0);
    const row = (imageId: number, tag: string, score: number) => ({ imageId, tag, runId, score, category: 'general', suggested: false });
    db.recordProvenance([row(a, 'Hat', 0.95), row(b, 'smile', 0.4), row(c, 'frown', 0.99)], null);
    const filter = new FilterIndex(db);
    expect(matches(filter, 'source:model')).toEqual([a, b]);
    expect(matches(filter, 'score:>0.9')).toEqual([a]);
    // a person took the model's tag out: it no longer counts
    db.upsertCaptions([captionRow(a, 'smile')]);
    expect(matches(filter, 'score:>0.9')).toEqual([]);
  });

  it('keeps the model tag rows it read until they change: a row written or dropped, a run deleted, an apply undone or redone', () => {
    const { db, ids } = indexOf([
      ['a.png', 'smile'],
      ['b.png', 'smile'],
    ]);
    const [a, b] = ids as [number, number];
    const runId = db.startTaggerRun('m', [['smile', 'general']], '{}', 0);
    const row = (imageId: number, score: number) => ({ imageId, tag: 'smile', runId, score, category: 'general', suggested: false });
    const filter = new FilterIndex(db);
    expect(matches(filter, 'source:model')).toEqual([]);

    const applied = db.insertStep('Auto-tag 1 image', null, { written: { captionRel: 'a.txt', before: null, after: new Uint8Array([1]) } }, 1);
    db.recordProvenance([row(a, 0.95)], applied);
    expect(matches(filter, 'score:>0.9')).toEqual([a]);
    db.setUndone(applied, true);
    expect(matches(filter, 'source:model')).toEqual([]);
    db.setUndone(applied, false);
    expect(matches(filter, 'score:>0.9')).toEqual([a]);

    db.recordProvenance([row(b, 0.5)], null);
    expect(matches(filter, 'source:model')).toEqual([a, b]);
    db.dropProvenance([{ imageId: a, tag: 'smile' }]);
    expect(matches(filter, 'source:model')).toEqual([b]);
    db.deleteTaggerRun(runId);
    expect(matches(filter, 'source:model')).toEqual([]);
  });
});
