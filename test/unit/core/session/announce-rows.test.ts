import { linkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyBatch } from '../../../../src-main/core/session/batch-edit';
import { IMAGE_LIST_PAGE, type EventPayload } from '../../../../src-shared/contract';
import { makeImage } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('images.changed', () => {
  it('carries the rows of a few changed images, and for more than a page says "read the list again"', async () => {
    const dir = join(tmp.path, 'set');
    mkdirSync(dir);
    const one = join(tmp.path, 'one.png');
    await makeImage(one);
    const count = IMAGE_LIST_PAGE + 1;
    for (let i = 1; i <= count; i++) {
      linkSync(one, join(dir, `img_${i}.png`));
      writeFileSync(join(dir, `img_${i}.txt`), 'solo');
    }
    const { workspace, events } = makeWorkspace(tmp.path);
    await workspace.open({ path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
    const session = workspace.requireSession();
    await session.whenIdle();
    const changes = () =>
      events.filter((e) => e.event === 'images.changed').map((e) => e.payload as EventPayload<'images.changed'>);

    // the header checks of every image after the first open: one "read again", not 5,001 rows in one event
    expect(changes().at(-1)).toEqual({ updated: [], reset: true });

    const ids = (await session.list()).slice(0, 3).map((i) => i.id);
    events.length = 0;
    await applyBatch(session, { kind: 'selected', ids }, { type: 'add', tags: ['three'], position: 'end' }, workspace.jobs);
    expect(changes()).toHaveLength(1);
    expect(changes()[0]!.reset).toBe(false);
    const rows = changes()[0]!.updated.map((r) => [r.id, r.tagCount]);
    expect(rows.sort((a, b) => a[0]! - b[0]!)).toEqual(ids.sort((a, b) => a - b).map((id) => [id, 2]));

    events.length = 0;
    await applyBatch(session, { kind: 'all' }, { type: 'add', tags: ['all'], position: 'end' }, workspace.jobs);
    expect(changes()).toEqual([{ updated: [], reset: true }]);
    expect(readFileSync(join(dir, `img_${count}.txt`), 'utf8')).toBe('solo, all');
    await workspace.shutdown();
  }, 60_000);
});
