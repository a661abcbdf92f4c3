import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeImages } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { runFixture } from '../../../support/run-fixture';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('resume', () => {
  it('returns to the same image with every edit after a clean close', async () => {
    const root = join(tmp.path, 'set');
    await makeImages(root, ['a.png', 'b.png', 'c.png', 'd.png']);
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: root, setup: { mode: 'import', outputDir: 'output', prefix: 'img' } });
    const s = workspace.requireSession();
    const third = (await s.list())[2]!;
    await s.setTags(third.id, ['kept'], 0);
    await s.goto(third.id);
    await workspace.close();

    const info = await workspace.open({ path: root });
    expect(info.position).toEqual({ index: 2, imageId: third.id });
    expect(workspace.requireSession().detail(third.id).caption.tags).toEqual(['kept']);
    expect(info.resumedFrom).toBe('lora-tagger');
    await workspace.shutdown();
  });

  it('keeps every acknowledged edit and the position when the process is killed', async () => {
    const root = join(tmp.path, 'set');
    await makeImages(root, ['a.png', 'b.png', 'c.png', 'd.png', 'e.png']);
    const first = makeWorkspace(tmp.path);
    await first.workspace.open({ path: root, setup: { mode: 'import', outputDir: 'output', prefix: 'img' } });
    await first.workspace.shutdown();

    const { out, err, signal } = await runFixture(resolve(__dirname, 'fixtures/edit-then-die.ts'), [root, tmp.path]);
    expect(err).toBe('');
    expect(out).toContain('edited');
    expect(signal).toBe('SIGKILL');

    const out2 = join(root, 'output');
    expect(readFileSync(join(out2, 'img_001.txt'), 'utf8')).toBe('one, first');
    expect(readFileSync(join(out2, 'img_002.txt'), 'utf8')).toBe('two');
    expect(readFileSync(join(out2, 'img_003.txt'), 'utf8')).toBe('three, x y');

    const again = makeWorkspace(tmp.path);
    const info = await again.workspace.open({ path: root });
    expect(info.position.index).toBe(2);
    const s = again.workspace.requireSession();
    expect((await s.list()).map((i) => s.detail(i.id).caption.tags)).toEqual([['one', 'first'], ['two'], ['three', 'x y'], [], []]);
    expect(info.stats).toMatchObject({ total: 5, tagged: 3, remaining: 2 });
    await again.workspace.shutdown();
  });
});
