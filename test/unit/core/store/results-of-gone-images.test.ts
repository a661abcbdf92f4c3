import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { IndexDatabase } from '../../../../src-main/core/store/index-database';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';

function indexWithTwoImages() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  const index = new IndexDatabase(db, { maxSteps: 100, maxBytes: 1 << 30 });
  const image = (relPath: string, ord: number) => ({ relPath, ord, size: 1, mtimeMs: 1, width: null, height: null, format: null, probed: false });
  const [kept, gone] = index.insertImages([image('kept.png', 0), image('gone.png', 1)]) as [number, number];
  return { index, kept, gone };
}

// A run's results arrive in batches while the folder lives on: an image deleted or replaced meanwhile
// leaves the index, and its result (kept by id) once broke the foreign key and failed the whole batch.
describe('results of an image that left the index during a run', () => {
  it('tagger scores: the others of the batch are kept, the gone image is not', () => {
    const { index, kept, gone } = indexWithTwoImages();
    const runId = index.startTaggerRun('m', [['smile', 'general']], '{}', 0);
    index.deleteImages([gone]);
    index.putScores(runId, [
      { imageId: kept, packed: new Uint8Array([1, 2, 3]), error: null },
      { imageId: gone, packed: null, error: 'not an image' },
    ]);
    expect(index.scoredImageIds(runId)).toEqual([kept]);
  });

  it('captioner answers: the same', () => {
    const { index, kept, gone } = indexWithTwoImages();
    const runId = index.startCaptionRun('vlm', ['http://127.0.0.1:1'], 'Describe', '{}', 0);
    index.deleteImages([gone]);
    const row = (imageId: number) => ({ imageId, status: 'pending' as const, suggested: 'a cat', raw: 'a cat', error: null, at: 1 });
    index.putCaptionResults(runId, [row(kept), row(gone)]);
    expect(index.captionResultsOf(runId, null).map((r) => r.imageId)).toEqual([kept]);
  });
});
