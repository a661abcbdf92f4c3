import { basename } from 'node:path';
import type { SessionInfo, SkippedFile, Stats } from '../../../src-shared/contract';
import type { ImageEntry } from './image-entry';
import type { SessionSettings } from './session-settings';

/** What the renderer knows of an open dataset (session.open, session.current, session.changed). */
export function sessionInfo(
  datasetDir: string,
  settings: SessionSettings,
  entries: readonly ImageEntry[],
  skipped: SkippedFile[],
  resumedFrom: SessionInfo['resumedFrom'],
  kept: { stats: Stats; stemClashes: string[][] },
): SessionInfo {
  const positionId = settings.positionImageId;
  const index = positionId === null ? -1 : entries.findIndex((e) => e.row.id === positionId);
  const first = entries[0];
  return {
    root: settings.root,
    datasetDir,
    name: basename(settings.root),
    mode: settings.mode,
    outputDir: settings.outputDir,
    prefix: settings.prefix,
    separator: settings.separator,
    captionMode: settings.captionMode,
    triggerWord: settings.triggerWord,
    underscoresToSpaces: settings.underscoresToSpaces,
    position: index >= 0 ? { index, imageId: positionId } : { index: 0, imageId: first?.row.id ?? null },
    stats: kept.stats,
    skippedFiles: skipped,
    stemClashes: kept.stemClashes,
    resumedFrom,
  };
}
