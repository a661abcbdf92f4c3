import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCivitaiPosition } from '../../../../src-main/core/legacy/civitai-session';
import { makeImages, writeBytes } from '../../../support/make-images';
import { makeWorkspace } from '../../../support/open-workspace';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** what civitai-tagger left: originals, and output/ with copies, captions, tags.txt and session.json */
async function civitaiFolder(root: string) {
  await makeImages(root, ['beach.jpg', 'forest.jpg', 'city.jpg']);
  const out = join(root, 'output');
  await makeImages(out, ['img_001.jpg', 'img_002.jpg', 'img_003.jpg']);
  writeBytes(join(out, 'img_001.txt'), 'sand, sea');
  writeBytes(join(out, 'img_002.txt'), 'trees');
  writeBytes(join(out, 'img_003.txt'), '');
  writeBytes(join(out, 'tags.txt'), 'sand, sea, trees, sky');
  writeBytes(
    join(out, 'session.json'),
    JSON.stringify({
      processed_images: {
        [join(root, 'beach.jpg')]: join(out, 'img_001.jpg'),
        [join(root, 'forest.jpg')]: join(out, 'img_002.jpg'),
        [join(root, 'city.jpg')]: join(out, 'img_003.jpg'),
      },
      current_position: 'img_002.jpg',
      tags: ['sand', 'sea', 'trees', 'sky'],
      last_updated: '2025-01-01T10:00:00',
      version: '1.0',
      stats: { total_images: 3, processed_images: 3 },
    }),
  );
}

describe("a folder left by civitai-tagger", () => {
  it('opens and resumes at its current_position with its captions and master list', async () => {
    const root = join(tmp.path, 'shoot');
    await civitaiFolder(root);
    const captionsBefore = ['img_001.txt', 'img_002.txt', 'img_003.txt', 'tags.txt'].map((n) => readFileSync(join(root, 'output', n)));
    const { workspace } = makeWorkspace(tmp.path);

    const info = await workspace.open({ path: root });
    expect(info.resumedFrom).toBe('civitai-tagger');
    expect(info.mode).toBe('import');
    expect(info.position.index).toBe(1);
    const s = workspace.requireSession();
    expect((await s.list()).map((i) => i.name)).toEqual(['img_001.jpg', 'img_002.jpg', 'img_003.jpg']);
    expect(s.detail((await s.list())[0]!.id).caption.tags).toEqual(['sand', 'sea']);
    // 'sky' is in its master list though no image carries it
    expect(s.tagList()).toContainEqual({ name: 'sky', count: 0 });
    // the originals it had processed are not imported a second time
    expect(readdirSync(join(root, 'output')).filter((n) => n.endsWith('.jpg'))).toHaveLength(3);
    await workspace.shutdown();
    ['img_001.txt', 'img_002.txt', 'img_003.txt', 'tags.txt'].forEach((n, i) =>
      expect(readFileSync(join(root, 'output', n))).toEqual(captionsBefore[i]),
    );
  });

  it('opens the same way when the output folder itself is opened', async () => {
    const root = join(tmp.path, 'shoot');
    await civitaiFolder(root);
    const { workspace } = makeWorkspace(tmp.path);
    const info = await workspace.open({ path: join(root, 'output') });
    expect(info.position.index).toBe(1);
    expect(info.stats.total).toBe(3);
    await workspace.shutdown();
  });

  it('keeps tags.txt as its master list after an edit', async () => {
    const root = join(tmp.path, 'shoot');
    await civitaiFolder(root);
    const { workspace } = makeWorkspace(tmp.path);
    await workspace.open({ path: root });
    const s = workspace.requireSession();
    const third = (await s.list())[2]!;
    await s.setTags(third.id, ['night', 'sky'], 0);
    await s.flush();
    expect(readFileSync(join(root, 'output', 'tags.txt'), 'utf8')).toBe('sand, sea, trees, sky, night');
    await workspace.shutdown();
  });

  it('reads current_position as a name, a path or an index', () => {
    const rels = ['img_001.jpg', 'img_002.jpg', 'sub/img_003.jpg'];
    expect(resolveCivitaiPosition('img_002.jpg', rels)).toBe(1);
    expect(resolveCivitaiPosition('/home/u/out/sub/img_003.jpg', rels)).toBe(2);
    expect(resolveCivitaiPosition('C:\\data\\output\\img_001.jpg', rels)).toBe(0);
    expect(resolveCivitaiPosition(2, rels)).toBe(2);
    expect(resolveCivitaiPosition('missing.jpg', rels)).toBeNull();
    expect(resolveCivitaiPosition(null, rels)).toBeNull();
  });
});
