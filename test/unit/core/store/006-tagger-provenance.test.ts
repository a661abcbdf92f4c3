import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { IndexDatabase, type ProvenanceRow } from '../../../../src-main/core/store/index-database';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';

function freshIndex(maxSteps = 1000) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  const index = new IndexDatabase(db, { maxSteps, maxBytes: 1 << 30 });
  const [imageId] = index.insertImages([{ relPath: 'a.png', ord: 0, size: 1, mtimeMs: 1, width: null, height: null, format: null, probed: false }]);
  const runId = index.startTaggerRun('m', [['smile', 'general']], '{}', 0);
  return { db, index, imageId: imageId!, runId };
}
const step = (index: IndexDatabase, label: string) => index.insertStep(label, null, { written: { captionRel: 'a.txt', before: null, after: new Uint8Array([1]) } }, 1);
const tagsOf = (index: IndexDatabase) => JSON.parse(index.allProvenance().tags) as string[];

describe('migration 006: which tags a model wrote', () => {
  it('counts an apply’s tags while its step is done, not while it is undone, and forgets them when a new step drops the redo branch', () => {
    const { index, imageId, runId } = freshIndex();
    const row: ProvenanceRow = { imageId, tag: 'smile', runId, score: 0.7, category: 'general', suggested: false };
    const applied = step(index, 'Auto-tag 1 image');
    index.recordProvenance([row], index.lastDoneStepId());
    expect(index.imageProvenance(imageId)).toEqual([[imageId, 'smile', runId, 0.7, 'general', 0]]);

    index.setUndone(applied, true);
    expect(tagsOf(index)).toEqual([]);
    index.setUndone(applied, false);
    expect(tagsOf(index)).toEqual(['smile']);

    index.setUndone(applied, true);
    step(index, 'Edit a.png'); // drops the undone apply
    // no such step any more (the new one may even have its id: the rows went with the old one)
    index.setUndone(applied, false);
    expect(tagsOf(index)).toEqual([]);
  });

  it('keeps an apply’s tags for good once its step is pruned from the log, and a suggestion without any step', () => {
    const { db, index, imageId, runId } = freshIndex(1);
    step(index, 'Auto-tag 1 image');
    index.recordProvenance([{ imageId, tag: 'smile', runId, score: 0.7, category: 'general', suggested: false }], index.lastDoneStepId());
    const newer = step(index, 'Edit a.png');
    expect(index.prune(newer)).toBe(1);
    expect(db.prepare('SELECT step_id FROM tagger_provenance').pluck().all()).toEqual([null]);
    expect(tagsOf(index)).toEqual(['smile']);

    index.recordProvenance([{ imageId, tag: 'sky', runId, score: 0.4, category: 'general', suggested: true }], null);
    expect(index.imageProvenance(imageId).map((r) => [r[1], r[5]])).toEqual([
      ['sky', 1],
      ['smile', 0],
    ]);
    index.deleteImages([imageId]);
    expect(tagsOf(index)).toEqual([]);
  });

  it('keeps one suggesting run for the dataset', () => {
    const { index, runId } = freshIndex();
    expect(index.suggestingRun()).toBeNull();
    index.setSuggestingRun(runId, '{"general":0.35}');
    index.setSuggestingRun(runId, '{"general":0.5}');
    expect(index.suggestingRun()).toEqual({ runId, settings: '{"general":0.5}' });
  });
});
