import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import { writeFileAtomic } from '../../src-main/core/fs/atomic-write';
import type { ImageDetail } from '../../src-shared/contract';
import { listAllImages } from '../../src-shared/list-images';
import { listPage, unwrap, type Figures, type RunContext } from '../context';
import { itemSeed, seededRandom } from '../dataset/prng';
import { percentile } from '../measure/stats';

/**
 * Edit-to-durable latency through the api, as the renderer drives it: each
 * `caption.setTags` resolves once the caption file is written (temp, fsync,
 * rename) and the index updated. Images and changes are drawn at random
 * (seeded): half add a tag from the vocabulary, half remove one.
 */
export async function editPhase(ctx: RunContext): Promise<Figures> {
  const items = unwrap(await listAllImages(listPage(ctx)), 'images.list');
  const random = seededRandom(itemSeed(ctx.args.dataSeed, 7_000 + ctx.run));
  const known = new Map<number, { tags: string[]; revision: number }>();
  const latencies: number[] = [];
  for (let i = 0; i < ctx.args.edits; i++) {
    const id = items[Math.floor(random() * items.length)]!.id;
    let state = known.get(id);
    if (!state) {
      const detail = unwrap(await ctx.api.invoke('image.get', { id }), 'image.get') as ImageDetail;
      state = { tags: detail.caption.tags, revision: detail.caption.revision };
    }
    const tags = [...state.tags];
    if (random() < 0.5 && tags.length > 1) tags.splice(Math.floor(random() * tags.length), 1);
    else {
      const add = ctx.vocabulary.find((t, k) => k >= Math.floor(random() * ctx.vocabulary.length) && !tags.includes(t));
      if (add) tags.push(add);
    }
    const start = performance.now();
    const result = await ctx.api.invoke('caption.setTags', { id, tags, revision: state.revision });
    latencies.push(performance.now() - start);
    const detail = unwrap(result, 'caption.setTags') as ImageDetail;
    known.set(id, { tags: detail.caption.tags, revision: detail.caption.revision });
  }
  const floor = await durableWriteFloor(join(ctx.api.workspace.requireSession().datasetDir, 'bench-floor.txt'));
  return {
    editP50Ms: percentile(latencies, 50),
    editP99Ms: percentile(latencies, 99),
    editMaxMs: Math.max(...latencies),
    floorP50Ms: percentile(floor, 50),
    floorP99Ms: percentile(floor, 99),
  };
}

/**
 * The disk's own floor for one durable caption write, in the same folder and
 * the same run: the app's atomic write alone (temp, fsync, rename, folder
 * fsync), no api, no index. An edit cannot be faster than this.
 */
async function durableWriteFloor(path: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const start = performance.now();
    await writeFileAtomic(path, Buffer.from(`tag ${i}, another tag, a third`));
    times.push(performance.now() - start);
  }
  await rm(path, { force: true });
  return times;
}
