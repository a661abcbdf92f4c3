import { describe, expect, it } from 'vitest';
import { IndexDatabase } from '../../../../src-main/core/store/index-database';

/** what main keeps its copy of the model tag rows under (ProvenanceStore) */
describe('IndexDatabase.modelTagsStamp', () => {
  it('changes with every write to the model tag rows, whoever makes it, and with the undo log; not otherwise', () => {
    const db = IndexDatabase.inMemory();
    const [a, b] = db.insertImages(['a.png', 'b.png'].map((relPath, ord) => ({ relPath, ord, size: 1, mtimeMs: 1, width: null, height: null, format: null, probed: false }))) as [number, number];
    const runId = db.startTaggerRun('m', [['smile', 'general']], '{}', 0);
    const row = (imageId: number) => ({ imageId, tag: 'smile', runId, score: 0.9, category: 'general', suggested: false });
    const stamps = [db.modelTagsStamp()];
    const changes = (what: string, write: () => void) => {
      write();
      const stamp = db.modelTagsStamp();
      expect(stamps, what).not.toContain(stamp);
      stamps.push(stamp);
    };

    db.setSkip(a, true);
    expect(db.modelTagsStamp()).toBe(stamps[0]);
    changes('a row recorded', () => db.recordProvenance([row(a), row(b)], null));
    const step = db.insertStep('Auto-tag', null, { written: { captionRel: 'a.txt', before: null, after: new Uint8Array([1]) } }, 1);
    expect(db.modelTagsStamp()).not.toBe(stamps.at(-1)); // a step added to the undo log
    stamps.push(db.modelTagsStamp());
    changes('an apply undone', () => db.setUndone(step, true));
    changes('a row dropped', () => db.dropProvenance([{ imageId: a, tag: 'smile' }]));
    changes('an image gone', () => db.deleteImages([a]));
    changes('a run deleted', () => db.deleteTaggerRun(runId));
    db.close();
  });

  it('is never the same on two connections, so a restarted index thread never matches a copy of its predecessor', () => {
    const one = IndexDatabase.inMemory();
    const two = IndexDatabase.inMemory();
    expect(one.modelTagsStamp()).not.toBe(two.modelTagsStamp());
  });
});
