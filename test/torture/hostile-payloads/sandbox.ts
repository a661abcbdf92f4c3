import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { makeImages } from '../../support/make-images';

/**
 * Where a hostile run happens: a temporary root holding the sandbox the host
 * lives in (its HOME, XDG folders, temp folder, working directory and the
 * dataset) and, beside it, a canary folder no payload may change. Paths in
 * the payloads aim at both: `../..` from the host's working directory is the
 * root, so a climb that works lands on the canary.
 */
export interface Sandbox {
  root: string;
  sandbox: string;
  canary: string;
  home: string;
  /** the app's own folders, as defaultUserDataDir / defaultCacheDir find them from HOME and XDG */
  userDataDir: string;
  cacheDir: string;
  tmp: string;
  /** the host's working directory: relative paths in payloads resolve from here */
  cwd: string;
  /** serve's export root is the dataset's parent: exports asked for (and only those) may land here */
  exportRoot: string;
  dataset: string;
  /** the environment the host runs with: HOME, XDG and TMPDIR all inside the sandbox */
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

export const DATASET_IMAGES = ['a.png', 'b.jpg', 'c.webp', 'd.png', 'sub/e.png'];

export async function makeSandbox(prefix = 'lora-tagger-hostile-'): Promise<Sandbox> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const sandbox = join(root, 'sandbox');
  const canary = join(root, 'canary');
  const home = join(sandbox, 'home');
  const tmp = join(sandbox, 'tmp');
  const cwd = join(sandbox, 'cwd');
  const exportRoot = join(sandbox, 'datasets');
  const dataset = join(exportRoot, 'set');
  for (const dir of [home, tmp, cwd, dataset, canary]) mkdirSync(dir, { recursive: true });
  // from source, the app's worker threads load tsx by name, resolved from the working directory
  symlinkSync(join(process.cwd(), 'node_modules'), join(sandbox, 'node_modules'));

  await makeImages(dataset, DATASET_IMAGES);
  writeFileSync(join(dataset, 'a.txt'), 'one, two, three');
  writeFileSync(join(dataset, 'b.txt'), '\uFEFFbom caption, crlf\r\n');
  writeFileSync(join(dataset, 'tags.txt'), 'one, two, three');
  // a link out of the dataset: following it must never let a payload reach the canary
  symlinkSync(canary, join(dataset, 'link-out'));

  await makeImages(canary, ['secret.png']);
  writeFileSync(join(canary, 'secret.txt'), 'canary caption, never to change');
  writeFileSync(join(canary, 'tags.txt'), 'canary');
  writeFileSync(join(canary, 'tokenizer.json'), '{"model":{"vocab":{}}}');
  writeFileSync(join(canary, 'list.csv'), 'canary_tag,0,1,""\n');

  // a one-line page for the server's static route: the run needs no `npm run build`
  const renderer = join(sandbox, 'renderer');
  mkdirSync(renderer);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>LoRA Tagger</title>');

  const config = join(home, '.config');
  const cache = join(home, '.cache');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: config,
    XDG_CACHE_HOME: cache,
    XDG_DATA_HOME: join(home, '.local', 'share'),
    TMPDIR: tmp,
    LORA_TAGGER_RENDERER_DIR: renderer,
  };
  delete env.LORA_TAGGER_USER_DATA;
  delete env.LORA_TAGGER_CACHE;
  return {
    root,
    sandbox,
    canary,
    home,
    userDataDir: join(config, 'LoRA Tagger'),
    cacheDir: join(cache, 'lora-tagger'),
    tmp,
    cwd,
    exportRoot,
    dataset,
    env,
    cleanup: () => {
      if (!process.env.KEEP_TEST_DIRS) rmSync(root, { recursive: true, force: true });
    },
  };
}

/** every entry under `dir` (links not followed) with what it is: a change to any shows as a changed line */
export type TreeSnapshot = Map<string, string>;

export interface SnapshotOptions {
  skip?: (rel: string) => boolean;
  /** false: size, mtime to the nanosecond and inode instead of a hash (a write or a rename shows either way); for a snapshot per payload */
  contents?: boolean;
}

export function snapshotTree(dir: string, { skip = () => false, contents = true }: SnapshotOptions = {}): TreeSnapshot {
  const out: TreeSnapshot = new Map();
  const walk = (abs: string) => {
    let names: string[];
    try {
      names = readdirSync(abs);
    } catch {
      return;
    }
    for (const name of names) {
      const full = join(abs, name);
      const rel = relative(dir, full).split(sep).join('/');
      if (skip(rel)) continue;
      const st = lstatSync(full, { throwIfNoEntry: false, bigint: true });
      if (!st) continue;
      if (st.isSymbolicLink()) out.set(rel, `link -> ${readlinkSync(full)}`);
      else if (st.isDirectory()) {
        out.set(rel, `dir ${(st.mode & 0o7777n).toString(8)}`);
        walk(full);
      } else if (st.isFile()) {
        const what = contents ? createHash('sha1').update(readFileSync(full)).digest('hex') : `${st.mtimeNs} ${st.ino}`;
        out.set(rel, `file ${(st.mode & 0o7777n).toString(8)} ${st.size} ${what}`);
      } else out.set(rel, `other ${st.mode.toString(8)}`);
    }
  };
  walk(dir);
  return out;
}

/** the paths added, removed or changed between two snapshots, each with a word for which */
export function diffTrees(before: TreeSnapshot, after: TreeSnapshot): string[] {
  const changes: string[] = [];
  for (const [path, what] of after) {
    const was = before.get(path);
    if (was === undefined) changes.push(`created ${path}`);
    else if (was !== what) changes.push(`changed ${path}`);
  }
  for (const path of before.keys()) if (!after.has(path)) changes.push(`removed ${path}`);
  return changes.sort();
}

/** the dataset's own files: the index in `.lora-tagger/` is the app's folder, not the user's */
export const snapshotDatasetFiles = (dataset: string): TreeSnapshot =>
  snapshotTree(dataset, { contents: false, skip: (rel) => rel === '.lora-tagger' || rel.startsWith('.lora-tagger/') });
