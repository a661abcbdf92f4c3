import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captionName, imageName, specKey, type DatasetSpec } from './dataset-spec';

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
    if (saved.images === spec.images && saved.seed === spec.seed && saved.quality === spec.quality) return dir;
  }
  await mkdir(dir, { recursive: true });
  if (!spec.name && (await linkFromLarger(cacheRoot, spec, dir))) {
    await writeFile(manifest, JSON.stringify(spec));
    log(`  linked ${spec.images} images from a larger cached set`);
    return dir;
  }
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

/**
 * Image i is the same in every set of one seed and size (its pixels and
 * caption come from its own seed), so a smaller set is the first N files of a
 * larger one, when their names are padded alike: hard links, no generating.
 */
async function linkFromLarger(cacheRoot: string, spec: DatasetSpec, dir: string): Promise<boolean> {
  const sameSize = `-seed${spec.seed}-${spec.width}x${spec.height}`;
  const candidates = (await readdir(cacheRoot).catch(() => [] as string[]))
    .filter((name) => name.startsWith('set-') && name.endsWith(sameSize))
    .map((name) => ({ name, images: Number(name.slice(4, name.indexOf('-seed'))) }))
    .filter((c) => c.images > spec.images && imageName(0, c.images) === imageName(0, spec.images))
    .filter((c) => existsSync(join(cacheRoot, c.name, MANIFEST)))
    .sort((a, b) => a.images - b.images);
  const source = candidates[0];
  if (!source) return false;
  for (let i = 0; i < spec.images; i++) {
    const name = imageName(i, spec.images);
    for (const file of [name, captionName(name)]) {
      await link(join(cacheRoot, source.name, file), join(dir, file)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
    }
  }
  return true;
}
