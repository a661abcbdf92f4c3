import type { CaptionMode, ExportOptions, ExportSkip } from '../../../src-shared/contract/export';
import { AppError } from '../app-error';
import type { ExportSource } from './export-source';
import { planFormat, type PlannedFormat } from './output-format';
import { planOutputNames, type NamedOutput } from './output-names';
import { unreadableCaptionSkip } from './unreadable-captions';
import type { TargetSpec } from './targets';

/** One image to write: where it comes from, what it is called, what its caption says. */
export interface PlannedImage {
  source: ExportSource;
  /** the folder inside the output it goes to ('' for the root), '/'-separated */
  dir: string;
  format: PlannedFormat;
  names: NamedOutput;
  /** null: no caption file */
  caption: string | null;
}

export interface ExportPlan {
  images: PlannedImage[];
  /** left out before any pixel is read */
  skipped: ExportSkip[];
}

/**
 * Decides everything that does not need the pixels, so the trainer's limits
 * refuse an export before anything is written.
 */
export function planExport(
  sources: readonly ExportSource[],
  mode: CaptionMode,
  options: ExportOptions,
  spec: TargetSpec,
): ExportPlan {
  const skipped: ExportSkip[] = [];
  const kept: ExportSource[] = [];
  for (const source of sources) {
    const unreadable = unreadableCaptionSkip(source);
    if (source.skip) skipped.push({ id: source.id, name: source.relPath, reason: 'marked to skip' });
    else if (unreadable) skipped.push(unreadable);
    else kept.push(source);
  }
  if (kept.length === 0) {
    throw new AppError('no-images', 'nothing to export: the dataset has no image that is not marked to skip');
  }
  if (spec.maxImages !== null && kept.length > spec.maxImages) {
    const over = kept.length - spec.maxImages;
    throw new AppError(
      'limit',
      `${spec.label} takes at most ${spec.maxImages.toLocaleString('en-US')} images and this export has ` +
        `${kept.length.toLocaleString('en-US')}: mark ${over.toLocaleString('en-US')} to skip, or choose another trainer. Nothing was written.`,
      { limit: spec.maxImages, count: kept.length },
    );
  }

  const formats = kept.map((s) => planFormat(s.relPath, options.format));
  const places = kept.map((s) => spec.place(s.relPath, options));
  const names = planOutputNames(
    places.map((p) => p.rel),
    formats.map((f) => f.ext),
    options.rename,
    places.map((p) => p.dir),
  );
  const images = kept.map((source, i) => ({
    source,
    dir: places[i]!.dir,
    format: formats[i]!,
    names: names[i]!,
    caption: spec.caption(source.captionText, mode, options),
  }));
  return { images, skipped };
}
