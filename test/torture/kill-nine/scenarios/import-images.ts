import { callApi } from '../../../support/api-call';
import { makeImages } from '../../../support/make-images';
import { checkCopies, checkStrays, checkUnchanged } from '../checks';
import { trialPaths, type KillScenario, type ScenarioApi } from '../scenario';
import { hashFiles, names } from '../trial-files';
import { join } from 'node:path';

const OUTPUT = 'output';
const setup = { mode: 'import', outputDir: OUTPUT, prefix: 'img' } as const;
const isSource = (rel: string) => !rel.startsWith(`${OUTPUT}/`);
const isCopy = (name: string) => /^img_\d{3,}\.(png|jpg)$/.test(name);
const outputName = (name: string) => isCopy(name) || /^img_\d{3,}\.txt$/.test(name) || name === '.lora-tagger' || name === 'tags.txt';

const openImport = (api: ScenarioApi, dir: string) => callApi(api, 'session.open', { path: trialPaths(dir).set, setup });

/** a folder of originals (PNG and JPEG, two subfolders) imported: copied into `output/` under new names */
export const importImages: KillScenario = {
  name: 'import',
  title: (n) => `an import of ${n.toLocaleString('en')} images`,
  jobKind: 'import',
  sizes: { full: 1000, short: 100 },
  async makeFiles(dir, size) {
    const set = trialPaths(dir).set;
    const half = Math.floor(size / 2);
    const png = Array.from({ length: half }, (_, i) => `shot ${i}.png`);
    const jpg = Array.from({ length: size - half }, (_, i) => `photo_${i}.jpg`);
    for (let i = 0; i < half; i += 200) await makeImages(join(set, 'day one'), png.slice(i, i + 200), { width: 24, height: 16 });
    for (let i = 0; i < jpg.length; i += 200) await makeImages(join(set, 'day two'), jpg.slice(i, i + 200), { width: 24, height: 16 });
  },
  // nothing opened: the import is what the kill cuts short
  prepare: async () => undefined,
  open: async () => undefined,
  run: openImport,
  async reopen(api, dir, problems) {
    const info = await openImport(api, dir);
    await api.workspace.current()?.whenIdle();
    const listed = (await callApi(api, 'images.list', { offset: 0, limit: 1 })).total;
    const copies = names(join(trialPaths(dir).set, OUTPUT)).filter(isCopy).length;
    if (listed !== copies) problems.push(`reopened (${info.stats.total} images): the list holds ${listed} images, the output folder ${copies}`);
  },
  async facts(template) {
    return { sources: [...hashFiles(trialPaths(template).set, isSource)] };
  },
  async check(ctx, t) {
    const set = trialPaths(ctx.dir).set;
    const sources = new Map(ctx.facts.sources as [string, string][]);
    checkUnchanged(ctx.trial, 'the source folder', sources, hashFiles(set, isSource), t);
    const out = join(set, OUTPUT);
    checkStrays(ctx.trial, 'the output folder', names(out), outputName, ctx.phase, t);
    checkCopies(ctx.trial, hashFiles(out, isCopy), sources, ctx.phase === 'reopened', t);
  },
};
