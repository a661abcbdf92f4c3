import { link, mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createApiHost } from '../src-main/api/create-api-host';
import type { BenchArgs, PhaseName } from './args';
import type { Figures, RunContext } from './context';

const WARM_IMAGES = 20;

/**
 * One unmeasured pass of every phase over 20 of the images before run 1.
 * The bench runs the TypeScript sources through tsx, which compiles each
 * module the first time it is imported, on the main thread; the bundled app
 * loads them at start-up. Without this pass that compiling would be counted
 * as part of the first open and as event-loop stalls.
 */
export async function warmUp(
  base: Omit<RunContext, 'api' | 'datasetDir' | 'workDir' | 'cacheDir' | 'run' | 'args' | 'harness'> & { args: BenchArgs; workRoot: string; datasetDir: string },
  phases: readonly PhaseName[],
  fns: Record<PhaseName, (ctx: RunContext) => Promise<Figures>>,
): Promise<void> {
  const workDir = join(base.workRoot, 'warm-up');
  const subset = join(workDir, 'subset');
  await mkdir(subset, { recursive: true });
  const names = (await readdir(base.datasetDir)).filter((n) => n.endsWith('.jpg')).slice(0, WARM_IMAGES);
  for (const name of names) {
    await link(join(base.datasetDir, name), join(subset, name));
    await link(join(base.datasetDir, name.replace(/\.jpg$/, '.txt')), join(subset, name.replace(/\.jpg$/, '.txt')));
  }
  const cacheDir = join(workDir, 'app-cache');
  const api = createApiHost({ transport: 'serve', userDataDir: join(workDir, 'app-data'), cacheDir, servedFolder: null, version: 'bench' });
  const ctx: RunContext = {
    ...base,
    api,
    datasetDir: subset,
    workDir,
    cacheDir,
    run: 0,
    args: { ...base.args, images: names.length, edits: 20 },
    log: () => undefined,
    harness: (work) => work(),
  };
  try {
    for (const phase of phases) await fns[phase](ctx);
  } finally {
    await api.shutdown();
    await rm(workDir, { recursive: true, force: true });
  }
}
