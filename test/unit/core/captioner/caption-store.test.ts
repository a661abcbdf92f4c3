import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CaptionStore } from '../../../../src-main/core/captioner/caption-store';
import { migrate } from '../../../../src-main/core/store/migrate';
import { migrations } from '../../../../src-main/core/store/migrations';
import { localIndex } from '../../../support/local-index';

function store() {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  expect(migrate(db, migrations).to).toBeGreaterThanOrEqual(7);
  const add = db.prepare('INSERT INTO images (rel_path, ord, size, mtime_ms) VALUES (?, ?, 1, 0)');
  // dataset order is not id order
  for (const [rel, ord] of [['c.png', 0], ['a.png', 1], ['b.png', 2]] as const) add.run(rel, ord);
  return { db, store: new CaptionStore(localIndex(db)) };
}

const row = (imageId: number, status: 'pending' | 'failed', text: string) => ({
  imageId,
  status,
  suggested: status === 'failed' ? null : text,
  raw: text,
  error: status === 'failed' ? text : null,
  at: 1,
});

describe('caption runs in session.sqlite (migration 007)', () => {
  it('keeps answers per image, counts them by status, pages them in dataset order and answers a resume with the usable ones only', async () => {
    const { store: s } = store();
    const runId = await s.startRun({ model: 'qwen', backends: ['Ollama'], prompt: 'Describe {name}', settings: '{}' }, 100);
    await s.put(runId, [row(1, 'pending', 'c caption'), row(2, 'failed', 'timed out'), row(3, 'pending', 'b caption')]);
    expect(await s.answered(runId)).toEqual(new Set([1, 3]));

    await s.setStatus(runId, [3], 'rejected');
    expect(await s.runs()).toEqual([
      { id: runId, model: 'qwen', backends: ['Ollama'], prompt: 'Describe {name}', settings: '{}', startedAt: 100, finishedAt: null, images: 3, pending: 1, accepted: 0, rejected: 1, failed: 1 },
    ]);
    const page = await s.page(runId, null, 0, 2);
    expect(page.total).toBe(3);
    expect(page.rows.map((r) => r.imageId)).toEqual([1, 2]);
    expect((await s.page(runId, 'rejected', 0, 10)).rows.map((r) => r.suggested)).toEqual(['b caption']);

    // a second run: the image's history, newest first
    const second = await s.startRun({ model: 'qwen', backends: ['Ollama'], prompt: 'p', settings: '{}' });
    await s.put(second, [row(3, 'pending', 'b again')]);
    await s.finishRun(second, 200);
    expect((await s.ofImage(3)).map((r) => [r.runId, r.status, r.suggested])).toEqual([
      [second, 'pending', 'b again'],
      [runId, 'rejected', 'b caption'],
    ]);
  });

  it('an image removed from the dataset takes its answers with it', async () => {
    const { db, store: s } = store();
    const runId = await s.startRun({ model: 'm', backends: [], prompt: '', settings: '{}' });
    await s.put(runId, [row(2, 'pending', 'x')]);
    db.prepare('DELETE FROM images WHERE id = 2').run();
    expect(await s.of(runId, null)).toEqual([]);
  });
});
