import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figures, RunContext } from '../context';
import { stageFolder } from '../dataset/stage';
import { runCommand } from '../measure/external';
import { pythonLacks, runPython } from '../measure/python-peer';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'peers', 'taggui_load.py');
const NEEDS = ['PySide6', 'imagesize', 'exifread'];

/** why TagGUI's load cannot run here, or null */
export async function tagguiMissing(checkout: string | null): Promise<string | null> {
  if (!checkout) return 'no --taggui DIR (a checkout of jhc13/taggui)';
  if (!existsSync(join(checkout, 'taggui', 'models', 'image_list_model.py'))) return `${checkout} is not a checkout of jhc13/taggui (no taggui/models/image_list_model.py)`;
  return pythonLacks(NEEDS);
}

/**
 * TagGUI's own folder load (`ImageListModel.load_directory`, headless) of
 * the same captioned files the open phase opened, in a fresh Python process
 * per load, as a person starting TagGUI: once for the first open and once
 * for the reopen (TagGUI keeps no index: its reopen reads everything again).
 * The files are read once first, untimed, so both tools meet a warm page
 * cache. The ratios to our open and reopen are taken from the same run's
 * figures (side-by-side.ts). Skipped, with the reason, where the checkout,
 * python3 or a module TagGUI needs is missing.
 */
export async function tagguiPhase(ctx: RunContext): Promise<Figures> {
  if (ctx.run === 0) return {}; // the warm-up pass compiles our modules; there is nothing of ours here
  const missing = await tagguiMissing(ctx.args.taggui);
  if (missing) {
    ctx.log(`  taggui: skipped, not a failure: ${missing}`);
    return {};
  }
  const folder = join(ctx.workDir, 'taggui-folder');
  await ctx.harness(() => stageFolder(ctx.datasetDir, folder, 'all'));
  await ctx.harness(() => runCommand('sh', ['-c', 'find . -type f -print0 | xargs -0 cat > /dev/null'], { cwd: folder }));
  const env = { ...process.env, QT_QPA_PLATFORM: 'offscreen' };
  const load = async (what: string) => {
    const r = await ctx.harness(() => runPython<{ seconds: number; images: number; tagged: number }>(SCRIPT, [ctx.args.taggui!, folder], env));
    if (r.images !== ctx.args.images || r.tagged !== ctx.args.images) throw new Error(`TagGUI's ${what} listed ${r.images} images, ${r.tagged} with tags, of ${ctx.args.images}`);
    return r.seconds * 1000;
  };
  const tagguiFirstMs = await load('first load');
  const tagguiReopenMs = await load('second load');
  await ctx.harness(() => rm(folder, { recursive: true, force: true }));
  return { tagguiFirstMs, tagguiReopenMs };
}
