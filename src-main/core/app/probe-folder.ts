import { access, constants, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AppError, describeFsError } from '../app-error';
import { forEachSliced } from '../perf/time-slicer';
import { captionPathFor } from '../scan/image-extensions';
import { walkFolder } from '../scan/walk-folder';
import { locateSession } from '../session/locate-session';

export interface FolderProbe {
  path: string;
  name: string;
  imageCount: number;
  captionCount: number;
  hasSession: boolean;
  civitaiSession: boolean;
  writable: boolean;
  outputDir: string;
  prefix: string;
}

/** What the setup screen shows before the user chooses how to open a folder. */
export async function probeFolder(path: string, defaults: { outputDir: string; prefix: string }): Promise<FolderProbe> {
  const folder = resolve(path);
  const s = await stat(folder).catch((err) => {
    throw describeFsError(err, `Cannot open ${folder}`);
  });
  if (!s.isDirectory()) throw new AppError('invalid-input', `${folder} is not a folder`);
  const located = await locateSession(folder, defaults.outputDir);
  const listing = await walkFolder(folder, { recursive: true, exclude: new Set([defaults.outputDir]), withStats: false });
  // sliced: in one go, a pass over a large folder's images held the loop while the person waits for the setup screen
  let captionCount = 0;
  await forEachSliced(listing.images, (f) => {
    if (listing.texts.has(captionPathFor(f.rel))) captionCount++;
  });
  const writable = await access(folder, constants.W_OK).then(
    () => true,
    () => false,
  );
  return {
    path: folder,
    name: basename(folder) || folder,
    imageCount: listing.images.length,
    captionCount,
    hasSession: located.kind === 'ours',
    civitaiSession: located.kind === 'civitai',
    writable,
    outputDir: defaults.outputDir,
    prefix: defaults.prefix,
  };
}

