import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { AppError, describeFsError } from '../app-error';
import { writeFileAtomic } from '../fs/atomic-write';
import { isRepoId, labelFor, MODEL_FILES } from './catalog';

/**
 * Where tagger models live: `<app data>/models/<owner>/<name>/` holds
 * `model.onnx`, `selected_tags.csv` and, written last, the marker that says the
 * download finished and was verified. Folders the user picked elsewhere are
 * remembered by path, never copied (a model is a gigabyte).
 */
export const COMPLETE_MARKER = 'download-complete.json';
const PICKED_LIST = 'picked-folders.json';

export interface InstalledModel {
  /** the repository id for a download, the folder's path for a picked folder: what a run names */
  id: string;
  label: string;
  source: 'download' | 'folder';
  repo: string | null;
  path: string;
}

export interface CompleteMarker {
  repo: string;
  completedAt: string;
  files: { name: string; size: number; sha256: string | null }[];
}

export const modelsDir = (userDataDir: string): string => join(userDataDir, 'models');

export function repoDir(dir: string, repo: string): string {
  if (!isRepoId(repo)) throw new AppError('invalid-input', `Not a Hugging Face repository id (owner/name): ${repo}`);
  return join(dir, ...repo.split('/'));
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

/** a download counts only once both files and its marker are there: a cut or refused download is never listed */
export async function isInstalled(dir: string, repo: string): Promise<boolean> {
  const folder = repoDir(dir, repo);
  const checks = await Promise.all([COMPLETE_MARKER, ...MODEL_FILES].map((f) => isFile(join(folder, f))));
  return checks.every(Boolean);
}

/** a cut or cancelled download left a .part that the next one resumes from */
export async function hasPartial(dir: string, repo: string): Promise<boolean> {
  const folder = repoDir(dir, repo);
  const checks = await Promise.all(MODEL_FILES.map((f) => isFile(join(folder, `${f}.part`))));
  return checks.some(Boolean);
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw describeFsError(err, `Cannot read the models folder ${dir}`);
  }
}

async function listDownloaded(dir: string): Promise<InstalledModel[]> {
  const found: InstalledModel[] = [];
  for (const owner of await subfolders(dir)) {
    for (const name of await subfolders(join(dir, owner))) {
      const repo = `${owner}/${name}`;
      if (isRepoId(repo) && (await isInstalled(dir, repo))) {
        found.push({ id: repo, label: labelFor(repo), source: 'download', repo, path: repoDir(dir, repo) });
      }
    }
  }
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

/** Both files present and not empty: whether the ONNX itself is usable is the inference engine's to say. */
async function checkModelFolder(path: string): Promise<void> {
  const folder = await stat(path).catch((err) => {
    throw describeFsError(err, `Cannot use ${path} as a tagger model`);
  });
  if (!folder.isDirectory()) throw new AppError('invalid-input', `${path} is not a folder: a tagger model is a folder holding ${MODEL_FILES.join(' and ')}`);
  const missing: string[] = [];
  for (const name of MODEL_FILES) {
    const file = await stat(join(path, name)).catch(() => null);
    if (!file?.isFile() || file.size === 0) missing.push(name);
  }
  if (missing.length > 0) {
    throw new AppError('invalid-input', `${path} is not a tagger model folder: ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing or empty (a model folder holds ${MODEL_FILES.join(' and ')}, as SmilingWolf's repositories do)`);
  }
}

async function readPicked(dir: string): Promise<string[]> {
  try {
    const list: unknown = JSON.parse(await readFile(join(dir, PICKED_LIST), 'utf8'));
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch (err) {
    // a missing list is an empty one; a damaged one is said in the log and starts over rather than hiding the downloads
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') console.warn(`[tagger models] ${PICKED_LIST}: ${(err as Error).message}`);
    return [];
  }
}

/** the folders the user picked that still hold a model; one moved away is left out, not an error */
async function listPicked(dir: string): Promise<InstalledModel[]> {
  const found: InstalledModel[] = [];
  for (const path of await readPicked(dir)) {
    const usable = await checkModelFolder(path).then(
      () => true,
      () => false,
    );
    if (usable) found.push({ id: path, label: basename(path), source: 'folder', repo: null, path });
  }
  return found;
}

export async function addPicked(dir: string, folder: string): Promise<InstalledModel> {
  const path = resolve(folder);
  await checkModelFolder(path);
  const picked = await readPicked(dir);
  if (!picked.includes(path)) {
    const save = async () => {
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(join(dir, PICKED_LIST), Buffer.from(JSON.stringify([...picked, path], null, 2)));
    };
    await save().catch((err) => {
      throw describeFsError(err, `Cannot remember the model folder in ${dir}`);
    });
  }
  return { id: path, label: basename(path), source: 'folder', repo: null, path };
}

export async function listInstalled(dir: string): Promise<InstalledModel[]> {
  return [...(await listDownloaded(dir)), ...(await listPicked(dir))];
}

/**
 * The folder a run uses, from what it names (the command line's `--model <dir|repo-id>`,
 * an installed model's id): a downloaded model by its repository id, or a folder holding a model.
 */
export async function resolveModelFolder(dir: string, model: string): Promise<string> {
  if (!isAbsolute(model) && isRepoId(model)) {
    if (await isInstalled(dir, model)) return repoDir(dir, model);
    // a relative folder that happens to look like owner/name
    const asFolder = resolve(model);
    const usable = await checkModelFolder(asFolder).then(
      () => true,
      () => false,
    );
    if (usable) return asFolder;
    throw new AppError('not-found', `${model} is not downloaded yet: download it first, or name a folder holding ${MODEL_FILES.join(' and ')}`);
  }
  const path = resolve(model);
  await checkModelFolder(path);
  return path;
}
