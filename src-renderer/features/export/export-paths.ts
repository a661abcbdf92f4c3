import type { ExportTarget } from '../../../src-shared/contract/export';

/**
 * Path arithmetic for the export dialog's output field. The renderer has no
 * `node:path` and may run in a browser on another OS than the dataset's
 * machine (`lora-tagger serve`), so paths are read in the style they are
 * written in: Windows when the dataset path uses backslashes only.
 */

const windowsStyle = (path: string) => path.includes('\\') && !path.includes('/');
const separatorOf = (path: string) => (windowsStyle(path) ? '\\' : '/');

/** '/a/b/' → '/a/b'; a root ('/', 'C:\') stays as it is */
function trimSeparators(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  return trimmed === '' || /^[A-Za-z]:$/.test(trimmed) ? path : trimmed;
}

/** the folder holding `path`; a root is its own parent */
export function parentDir(path: string): string {
  const clean = trimSeparators(path);
  const cut = Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\'));
  if (cut < 0) return clean;
  const parent = clean.slice(0, cut);
  // keep the root's separator: '/x' → '/', 'C:\x' → 'C:\'
  return parent === '' || /^[A-Za-z]:$/.test(parent) ? clean.slice(0, cut + 1) : parent;
}

export function baseName(path: string): string {
  const clean = trimSeparators(path);
  return clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
}

export function joinPath(dir: string, name: string): string {
  const sep = separatorOf(dir);
  return /[\\/]$/.test(dir) ? dir + name : dir + sep + name;
}

/** main refuses relative export paths: it would not know what they are relative to */
export const isAbsolutePath = (path: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path);

/** the same reading as main's and the CLI's: a name ending in .zip is a zip, anything else a folder */
export const outKindOf = (path: string): 'zip' | 'folder' => (/\.zip$/i.test(path.trim()) ? 'zip' : 'folder');

/** `path` is `dir` or somewhere below it (compared with separators unified) */
export function isInsideDir(path: string, dir: string): boolean {
  const unify = (p: string) => trimSeparators(p.trim()).replace(/\\/g, '/');
  const p = unify(path);
  const d = unify(dir).replace(/\/$/, '');
  return p === d || p.startsWith(`${d}/`);
}

const SUFFIX: Record<ExportTarget, string> = {
  civitai: '-civitai.zip',
  kohya: '-kohya',
  'ai-toolkit': '-ai-toolkit',
};

/**
 * The path after switching target when the user already chose one: a name
 * that still ends the way the old target's default did (`set-civitai.zip`)
 * takes the new target's ending (`set-kohya`), in the folder the user chose;
 * any other name is the user's own and stays.
 */
export function retargetPath(path: string, from: ExportTarget, to: ExportTarget): string {
  const suffix = SUFFIX[from];
  return path.toLowerCase().endsWith(suffix) ? path.slice(0, path.length - suffix.length) + SUFFIX[to] : path;
}

/**
 * Beside the folder the user opened, never in it: main refuses an export
 * inside the dataset folder (it would be scanned back in) and, for an import
 * session, inside the folder the images are imported from (it would be
 * imported again as new copies). The dataset folder of an import is
 * `<root>/<output>`, so beside `root` is outside both.
 */
export function defaultOutPath(root: string, name: string, target: ExportTarget): string {
  return joinPath(parentDir(root), `${name}${SUFFIX[target]}`);
}
