import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { callApi } from '../../../support/api-call';
import { makeCaptionedSet, openInPlace } from '../caption-steps';
import { checkExport, checkStrays, checkUnchanged } from '../checks';
import { trialPaths, type KillScenario, type ScenarioApi } from '../scenario';
import { count } from '../tally';
import { hashFiles, hashZip, names } from '../trial-files';

const outName = (kind: 'zip' | 'folder') => (kind === 'zip' ? 'out.zip' : 'out');
const isDatasetFile = (rel: string) => !rel.startsWith('.lora-tagger/');

/** what the export left at its destination, by entry; null when there is none */
async function readOutput(kind: 'zip' | 'folder', path: string): Promise<Map<string, string> | null> {
  if (!existsSync(path)) return null;
  return kind === 'zip' ? hashZip(path) : hashFiles(path);
}

function exportTo(api: ScenarioApi, dir: string, kind: 'zip' | 'folder') {
  // civitai's layout: no absolute path inside, so every trial's output equals the reference run's
  return callApi(api, 'export.run', { target: 'civitai', out: { kind, path: join(trialPaths(dir).exports, outName(kind)) } });
}

/** an export of the whole dataset (captions and images) to a zip or a folder */
function exportScenario(kind: 'zip' | 'folder'): KillScenario {
  return {
    name: `export-${kind}`,
    title: (n) => `an export of ${n.toLocaleString('en')} images to a ${kind}`,
    jobKind: 'export',
    sizes: { full: 1000, short: 60 },
    makeFiles: makeCaptionedSet,
    async prepare(api, dir) {
      await openInPlace(api, dir);
      await mkdir(trialPaths(dir).exports, { recursive: true });
    },
    open: openInPlace,
    run: (api, dir) => exportTo(api, dir, kind),
    async reopen(api, dir, _problems, notes) {
      await openInPlace(api, dir);
      // the export a person would run again once they saw none had landed
      if (!existsSync(join(trialPaths(dir).exports, outName(kind)))) {
        await exportTo(api, dir, kind);
        notes.push('exported again');
      }
    },
    async facts(template, reference) {
      const output = await readOutput(kind, join(trialPaths(reference).exports, outName(kind)));
      if (!output) throw new Error('the reference export wrote nothing');
      return { dataset: [...hashFiles(trialPaths(template).set, isDatasetFile)], output: [...output] };
    },
    async check(ctx, t) {
      const paths = trialPaths(ctx.dir);
      checkUnchanged(ctx.trial, 'the dataset', new Map(ctx.facts.dataset as [string, string][]), hashFiles(paths.set, isDatasetFile), t);
      const name = outName(kind);
      // the partial beside the destination (`out.zip.partial-<pid>-<hex>`, its `-files` staging folder): a kill leaves it, the next start sweeps it
      const partial = new RegExp(`^${name.replace('.', '\\.')}\\.partial-\\d+-[0-9a-f]{12}(-files)?$`);
      for (const n of names(paths.exports)) {
        if (n === name) continue;
        if (partial.test(n) && ctx.phase === 'killed') t.tempsAfterKill++;
        else checkStrays(ctx.trial, 'the export folder', [n], () => false, 'reopened', t);
      }
      let output: Map<string, string> | null;
      try {
        output = await readOutput(kind, join(paths.exports, name));
      } catch (err) {
        return count(t, 'tears', `${ctx.trial}: the ${kind} cannot be read: ${(err as Error).message}`);
      }
      if (output === null && ctx.phase === 'reopened') count(t, 'badReopens', `${ctx.trial}: the export run again after the reopen wrote nothing`);
      if (output === null && ctx.acknowledged) count(t, 'losses', `${ctx.trial}: an export that answered is not there`);
      checkExport(ctx.trial, output, new Map(ctx.facts.output as [string, string][]), t);
    },
  };
}

export const exportZip = exportScenario('zip');
export const exportFolder = exportScenario('folder');
