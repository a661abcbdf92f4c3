import type { SessionMode } from '../../../src-shared/contract';
import type { SessionStore } from '../store/session-store';

/** Per-dataset settings, stored as key/value rows in session.sqlite. */
export interface SessionSettings {
  mode: SessionMode;
  /** the folder the user opened (for an import: the originals' folder) */
  root: string;
  outputDir: string | null;
  prefix: string;
  separator: string;
  captionMode: 'tags' | 'text';
  triggerWord: string | null;
  /** autocomplete inserts list tags as "long hair" rather than `long_hair` */
  underscoresToSpaces: boolean;
  positionImageId: number | null;
}

export const DEFAULT_OUTPUT_DIR = 'output';
export const DEFAULT_PREFIX = 'img';
export const DEFAULT_SEPARATOR = ', ';

const KEYS = ['mode', 'position', 'root', 'outputDir', 'prefix', 'separator', 'captionMode', 'triggerWord', 'underscoresToSpaces'] as const;

export async function readSettings(store: SessionStore): Promise<SessionSettings | null> {
  const v = await store.settings(KEYS);
  const mode = v.mode;
  if (mode !== 'import' && mode !== 'in-place') return null;
  const position = v.position ?? null;
  return {
    mode,
    root: v.root ?? '',
    outputDir: v.outputDir ?? null,
    prefix: v.prefix ?? DEFAULT_PREFIX,
    separator: v.separator ?? DEFAULT_SEPARATOR,
    captionMode: v.captionMode === 'text' ? 'text' : 'tags',
    triggerWord: v.triggerWord || null,
    underscoresToSpaces: v.underscoresToSpaces === '1',
    positionImageId: position === null ? null : Number(position),
  };
}

/** the settings given, in one transaction */
export function writeSettings(store: SessionStore, s: Partial<SessionSettings>): Promise<void> {
  const rows: [string, string][] = [];
  if (s.mode !== undefined) rows.push(['mode', s.mode]);
  if (s.root !== undefined) rows.push(['root', s.root]);
  if (s.outputDir !== undefined) rows.push(['outputDir', s.outputDir ?? '']);
  if (s.prefix !== undefined) rows.push(['prefix', s.prefix]);
  if (s.separator !== undefined) rows.push(['separator', s.separator]);
  if (s.captionMode !== undefined) rows.push(['captionMode', s.captionMode]);
  if (s.triggerWord !== undefined) rows.push(['triggerWord', s.triggerWord ?? '']);
  if (s.underscoresToSpaces !== undefined) rows.push(['underscoresToSpaces', s.underscoresToSpaces ? '1' : '0']);
  if (s.positionImageId !== undefined) rows.push(['position', String(s.positionImageId ?? '')]);
  return store.setSettings(rows);
}
