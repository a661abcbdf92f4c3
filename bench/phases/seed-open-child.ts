import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createApiHost } from '../../src-main/api/create-api-host';
import type { EventPayload } from '../../src-shared/contract';
import { unwrap } from '../context';
import { asLaunchedBefore } from '../measure/launched-before';
import { pageLoadsAndPersonPicks } from '../measure/person';

/**
 * One start of the app for the seed phase: a fresh process, as a person
 * starting LoRA Tagger; the api host made, then what the page and the
 * person do before an open (measure/person: the page's requests on load,
 * ~3 s to find the folder, its probe), then the first open of the folder
 * with "Import copies", timed until the open has resolved and the import
 * job has ended.
 *
 * usage: tsx seed-open-child.ts FOLDER WORK_DIR IMAGES; prints {"ms": ...}
 */

async function main(): Promise<void> {
  const [folder, workDir, imagesArg] = process.argv.slice(2) as [string, string, string];
  const cacheDir = join(workDir, 'app-cache');
  await asLaunchedBefore(cacheDir);
  // started as the desktop app starts its host
  const api = createApiHost(
    { transport: 'serve', userDataDir: join(workDir, 'app-data'), cacheDir, servedFolder: null, version: 'bench' },
    { startScanThreads: true },
  );
  try {
    await pageLoadsAndPersonPicks(api.invoke, folder);
    let finished!: () => void;
    const jobDone = new Promise<void>((resolve) => (finished = resolve));
    const stop = api.subscribe((event, payload) => {
      if (event === 'job.finished' && (payload as EventPayload<'job.finished'>).kind === 'import') finished();
    });
    const started = performance.now();
    const info = unwrap(await api.invoke('session.open', { path: folder, setup: { mode: 'import', outputDir: 'dataset', prefix: 'img' } }), 'import open');
    await jobDone;
    const ms = performance.now() - started;
    stop();
    const total = (info as { stats?: { total: number } }).stats?.total;
    if (total !== Number(imagesArg)) throw new Error(`the import listed ${total} of ${imagesArg} images`);
    console.log(JSON.stringify({ ms }));
  } finally {
    await api.shutdown();
    await rm(join(workDir, 'app-data'), { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
