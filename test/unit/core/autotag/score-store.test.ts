import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packScores, unpackScores } from '../../../../src-main/core/autotag/packed-scores';
import { ScoreStore } from '../../../../src-main/core/autotag/score-store';
import { SessionStore } from '../../../../src-main/core/store/session-store';
import { IndexThread } from '../../../../src-main/workers/index-thread';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

const labels = [
  { name: 'general', category: 'rating' },
  { name: '1girl', category: 'general' },
  { name: 'long_hair', category: 'general' },
  { name: 'hatsune_miku', category: 'character' },
] as const;
const row = (relPath: string, ord: number) => ({ relPath, ord, size: 1, mtimeMs: 1, width: null, height: null, format: null, probed: false });

describe('packed scores', () => {
  it('keeps only the tags at or above the floor, each within 0.00001 of its score', () => {
    const packed = packScores(new Float32Array([0.9, 0.04, 0.05, 0.3333333, 1]), 0.05);
    expect(packed.byteLength).toBe(4 * 4);
    const back = unpackScores(packed);
    expect(back.map((s) => s.index)).toEqual([0, 2, 3, 4]);
    for (const [i, p] of [0.9, 0.05, 0.3333333, 1].entries()) expect(Math.abs(back[i]!.score - p)).toBeLessThan(1e-5);
  });
});

describe('tagger scores in the index', () => {
  it('keeps every run with its labels and settings; a run cut short tells which images it has', async () => {
    const index = await IndexThread.open(join(tmp.path, 'session.sqlite'));
    const [a, b, c] = await new SessionStore(index).insertImages([row('a.png', 0), row('b.png', 1), row('c.png', 2)]);
    const scores = new ScoreStore(index);
    const run = await scores.startRun('SmilingWolf/wd-vit-tagger-v3', labels, { floor: 0.05 }, 1000);
    await scores.put(run, [
      { imageId: a!, packed: packScores(new Float32Array([0.8, 0.9, 0.02, 0.5]), 0.05), error: null },
      { imageId: b!, packed: null, error: 'not a readable image: truncated' },
    ]);
    // killed here: the next run of the same settings scores c only
    expect([...(await scores.scoredImageIds(run))]).toEqual([a, b]);
    expect(await scores.runs()).toEqual([
      { id: run, modelId: 'SmilingWolf/wd-vit-tagger-v3', settings: '{"floor":0.05}', startedAt: 1000, finishedAt: null, images: 2 },
    ]);
    await scores.put(run, [{ imageId: c!, packed: packScores(new Float32Array([0.1, 0.2, 0.3, 0.4]), 0.05), error: null }]);
    await scores.finishRun(run, 2000);
    expect(await scores.labels(run)).toEqual(labels);

    const all = await scores.all(run);
    expect(all.get(b!)).toEqual({ ok: false, reason: 'not a readable image: truncated' });
    const first = all.get(a!);
    expect(first?.ok && first.scores.map((s) => labels[s.index]!.name)).toEqual(['general', '1girl', 'hatsune_miku']);
    await index.close();
  });

  it('forgets an image’s scores and rejected suggestions when the image leaves the index', async () => {
    const path = join(tmp.path, 'session.sqlite');
    const index = await IndexThread.open(path);
    const store = new SessionStore(index);
    const [a, b] = await store.insertImages([row('a.png', 0), row('b.png', 1)]);
    const scores = new ScoreStore(index);
    const run = await scores.startRun('m', labels, {});
    await scores.put(run, [a!, b!].map((imageId) => ({ imageId, packed: packScores(new Float32Array([1, 1, 1, 1]), 0.05), error: null })));
    await scores.reject([{ imageId: a!, tag: 'long_hair' }, { imageId: b!, tag: '1girl' }, { imageId: b!, tag: '1girl' }]);
    await store.deleteImages([a!]);
    expect([...(await scores.all(run)).keys()]).toEqual([b]);
    expect(await scores.rejected()).toEqual(new Map([[b!, new Set(['1girl'])]]));
    await index.close();

    // the cascade is in the file itself, for any connection
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM tagger_scores').pluck().get()).toBe(1);
    db.close();
  });
});
