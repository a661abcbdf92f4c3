import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specKey, type DatasetSpec } from './dataset-spec';

const MANIFEST = 'manifest.json';
const here = dirname(fileURLToPath(import.meta.url));

/**
 * The generated set for `spec`, from the cache under `cacheRoot` when a
 * complete one is there, else made now in one child process per core.
 * Generating 10,000 images of 2048×1536 takes many minutes: it is done once.
 */
export async function ensureDataset(cacheRoot: string, spec: DatasetSpec, log: (line: string) => void): Promise<string> {
  const dir = join(cacheRoot, specKey(spec));
  const manifest = join(dir, MANIFEST);
  if (existsSync(manifest)) {
    const saved = JSON.parse(await readFile(manifest, 'utf8')) as DatasetSpec;
    if (saved.images === spec.images && saved.seed === spec.seed) return dir;
  }
  await mkdir(dir, { recursive: true });
  const children = Math.min(availableParallelism(), spec.images);
  const started = performance.now();
  let made = 0;
  let lastLog = 0;
  await Promise.all(
    Array.from({ length: children }, (_, first) =>
      new Promise<void>((resolve, reject) => {
        const child = fork(join(here, 'generate-child.ts'), [dir, JSON.stringify(spec), String(first), String(children)], {
          execArgv: ['--import', 'tsx'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        child.on('message', (m: { made: number }) => {
          made += m.made;
          const now = performance.now();
          if (now - lastLog > 5000) {
            lastLog = now;
            const rate = made / ((now - started) / 1000);
            log(`  generating: ${made}/${spec.images} (${rate.toFixed(1)}/s)`);
          }
        });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`generator exited with ${code}`))));
      }),
    ),
  );
  await writeFile(manifest, JSON.stringify(spec));
  log(`  generated ${spec.images} images in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return dir;
}
