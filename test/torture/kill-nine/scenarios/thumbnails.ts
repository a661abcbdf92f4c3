import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ImageService } from '../../../../src-main/core/images/image-service';
import { createThreadPools } from '../../../../src-main/workers/thread-pools';
import { callApi } from '../../../support/api-call';
import { makeImages, writeBytes } from '../../../support/make-images';
import { imageName, openInPlace } from '../caption-steps';
import { checkStrays, checkUnchanged, isTemp } from '../checks';
import { trialPaths, type KillScenario, type ScenarioApi } from '../scenario';
import { count } from '../tally';
import { decodes, hashFiles } from '../trial-files';

const isDatasetFile = (rel: string) => !rel.startsWith('.lora-tagger/');

/** the job the shell and serve start after an open, on the api's own cache folder */
function makeAllThumbnails(api: ScenarioApi, dir: string) {
  const pools = createThreadPools();
  const images = new ImageService(trialPaths(dir).cache, pools);
  return images.makeAllThumbnails(api.workspace.requireSession(), api.workspace.jobs).finally(async () => {
    await images.close();
    await pools.close();
  });
}

/** the "make all thumbnails" job over a dataset of photo-sized JPEGs */
export const thumbnails: KillScenario = {
  name: 'thumbnails',
  title: (n) => `a thumbnail job over ${n.toLocaleString('en')} images`,
  jobKind: 'thumbnails',
  sizes: { full: 1000, short: 60 },
  async makeFiles(dir, size) {
    const set = trialPaths(dir).set;
    const names = Array.from({ length: size }, (_, i) => imageName(i).replace('.png', '.jpg'));
    for (let i = 0; i < size; i += 100) await makeImages(set, names.slice(i, i + 100), { width: 1024, height: 768 });
    names.forEach((name, i) => writeBytes(join(set, name.replace('.jpg', '.txt')), `caption ${i}`));
  },
  prepare: openInPlace,
  open: openInPlace,
  run: makeAllThumbnails,
  async reopen(api, dir, problems, notes) {
    await openInPlace(api, dir);
    // every thumbnail the app serves now, from the cache or made afresh, decodes whole
    const items = (await callApi(api, 'images.list', { offset: 0, limit: 5000 })).items;
    for (const item of items) {
      const served = await api.image(item.id, 'thumb');
      if (!served.ok) problems.push(`reopened: no thumbnail for ${item.name}: ${served.message}`);
      else if ('path' in served && !(await decodes(served.path))) notes.push(`torn: ${item.name} was served a torn thumbnail`);
    }
    // the next job runs to its end, and on its way clears the temps the killed one left
    await makeAllThumbnails(api, dir);
  },
  async facts(template) {
    return { dataset: [...hashFiles(trialPaths(template).set, isDatasetFile)] };
  },
  async check(ctx, t) {
    const paths = trialPaths(ctx.dir);
    checkUnchanged(ctx.trial, 'the dataset', new Map(ctx.facts.dataset as [string, string][]), hashFiles(paths.set, isDatasetFile), t);
    for (const note of ctx.notes.filter((n) => n.startsWith('torn: '))) count(t, 'tears', `${ctx.trial}: ${note.slice(6)}`);
    // every file in the cache under a real name decodes whole; temps only right after the kill
    const root = join(paths.cache, 'images');
    if (!existsSync(root)) return;
    for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      if (isTemp(entry.name)) checkStrays(ctx.trial, 'the thumbnail cache', [entry.name], () => false, ctx.phase, t);
      else if (!(await decodes(join(entry.parentPath, entry.name)))) count(t, 'tears', `${ctx.trial}: a torn file in the cache: ${entry.name}`);
    }
  },
};
