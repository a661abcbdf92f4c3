import type { ExportFormat } from '../../../src-shared/contract/export';

/** What the export writes: the three formats every trainer reads. */
export type PixelFormat = 'png' | 'jpeg' | 'webp';

export interface PlannedFormat {
  format: PixelFormat;
  /** file extension without the dot */
  ext: string;
}

const KEPT: Record<string, PixelFormat> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', webp: 'webp' };
const CHOSEN: Record<Exclude<ExportFormat, 'keep'>, PlannedFormat> = {
  png: { format: 'png', ext: 'png' },
  jpg: { format: 'jpeg', ext: 'jpg' },
  webp: { format: 'webp', ext: 'webp' },
};

/**
 * Planned from the file name, before any pixel is read. A file whose content
 * does not match its name ('a.png' holding a JPEG) is re-encoded to what the
 * name promises, so name and content agree in the output. gif, bmp, tiff and
 * avif are not read by every trainer (Civitai refuses them): they become png,
 * lossless, unless another format is chosen.
 */
export function planFormat(relPath: string, chosen: ExportFormat): PlannedFormat {
  if (chosen !== 'keep') return CHOSEN[chosen];
  const ext = extensionOf(relPath);
  const kept = KEPT[ext];
  return kept ? { format: kept, ext } : CHOSEN.png;
}

function extensionOf(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  const dot = relPath.lastIndexOf('.');
  return dot > slash + 1 ? relPath.slice(dot + 1).toLowerCase() : '';
}
