import { mkdir, stat, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, describeFsError } from '../app-error';
import { writeFileAtomic } from '../fs/atomic-write';
import { labelFor, MODEL_FILES, type ModelFileName } from './catalog';
import { downloadFile, partPath } from './download-file';
import { hubFileInfo, type HubFileInfo } from './hub-metadata';
import { COMPLETE_MARKER, isInstalled, repoDir, type CompleteMarker, type InstalledModel } from './models-folder';
import { TransferRate, type TransferProgress } from './transfer-rate';

const HUGGING_FACE = 'https://huggingface.co';

/** huggingface_hub's own setting for a mirror (and for tests: a local server) */
export function hubEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.HF_ENDPOINT?.trim();
  if (!configured) return HUGGING_FACE;
  const url = URL.canParse(configured) ? new URL(configured) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new AppError('invalid-input', `HF_ENDPOINT is not an http(s) address: ${configured}`);
  }
  return configured;
}

export interface ModelDownload {
  repo: string;
  /** `<app data>/models` */
  modelsDir: string;
  /** https://huggingface.co; a mirror, or a test's local server */
  endpoint?: string;
  signal: AbortSignal;
  onProgress?: (progress: TransferProgress & { file: ModelFileName }) => void;
}

/** one download per model folder at a time: two would write the same .part */
const downloading = new Set<string>();

/**
 * Both files of a tagger model into `<models>/<owner>/<name>/`, then the marker
 * that makes it an installed model. Already installed: nothing is fetched.
 */
export async function downloadModel(request: ModelDownload): Promise<InstalledModel> {
  const { repo, modelsDir, signal } = request;
  const folder = repoDir(modelsDir, repo);
  const installed: InstalledModel = { id: repo, label: labelFor(repo), source: 'download', repo, path: folder };
  if (await isInstalled(modelsDir, repo)) return installed;
  if (downloading.has(folder)) throw new AppError('busy', `${repo} is being downloaded already`);
  downloading.add(folder);
  try {
    const endpoint = request.endpoint ?? HUGGING_FACE;
    const host = new URL(endpoint).host;
    // ask about both files first: a missing or gated repository fails before a byte is written, and the progress has one total
    const infos: HubFileInfo[] = [];
    for (const file of MODEL_FILES) infos.push(await hubFileInfo({ endpoint, repo, file, signal }));

    await mkdir(folder, { recursive: true }).catch((err: unknown) => {
      throw describeFsError(err, `Cannot create the model folder ${folder}`);
    });
    await checkFreeSpace(folder, infos);

    const sizes = infos.map((i) => i.size);
    const total = sizes.every((s) => s !== null) ? sizes.reduce<number>((a, s) => a + (s ?? 0), 0) : null;
    const rate = new TransferRate();
    const files: CompleteMarker['files'] = [];
    let before = 0;
    for (const [i, file] of MODEL_FILES.entries()) {
      const info = infos[i]!;
      const done = await downloadFile({
        info,
        repo,
        file,
        target: join(folder, file),
        host,
        signal,
        onBytes: (bytes) => request.onProgress?.({ ...rate.update(before + bytes, total), file }),
      });
      files.push({ name: file, size: done.size, sha256: info.sha256 === null ? null : done.sha256 });
      before += done.size;
    }
    const marker: CompleteMarker = { repo, completedAt: new Date().toISOString(), files };
    await writeFileAtomic(join(folder, COMPLETE_MARKER), Buffer.from(JSON.stringify(marker, null, 2))).catch((err: unknown) => {
      throw describeFsError(err, `Cannot mark ${repo} as downloaded in ${folder}`);
    });
    return installed;
  } finally {
    downloading.delete(folder);
  }
}

/** what is still to come, against what the disk has: a gigabyte model refused at the start, not at 90 % */
async function checkFreeSpace(folder: string, infos: HubFileInfo[]): Promise<void> {
  let needed = 0;
  for (const [i, info] of infos.entries()) {
    const have = (await stat(partPath(join(folder, MODEL_FILES[i]!))).catch(() => null))?.size ?? 0;
    needed += Math.max(0, (info.size ?? 0) - have);
  }
  const fs = await statfs(folder).catch(() => null);
  if (!fs) return; // a file system that cannot say: the writes will tell
  const free = fs.bavail * fs.bsize;
  if (free < needed) {
    throw new AppError('io', `Not enough free space for the model in ${folder}: it needs ${formatBytes(needed)} more and ${formatBytes(free)} is free.`);
  }
}

/** 1.2 GB, 380 MB, 512 bytes: decimal units, as the hub shows sizes */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
