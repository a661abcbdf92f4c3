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

export function readSettings(store: SessionStore): SessionSettings | null {
  const mode = store.getSetting('mode');
  if (mode !== 'import' && mode !== 'in-place') return null;
  const position = store.getSetting('position');
  return {
    mode,
    root: store.getSetting('root') ?? '',
    outputDir: store.getSetting('outputDir'),
    prefix: store.getSetting('prefix') ?? DEFAULT_PREFIX,
    separator: store.getSetting('separator') ?? DEFAULT_SEPARATOR,
    captionMode: store.getSetting('captionMode') === 'text' ? 'text' : 'tags',
    triggerWord: store.getSetting('triggerWord') || null,
    underscoresToSpaces: store.getSetting('underscoresToSpaces') === '1',
    positionImageId: position === null ? null : Number(position),
  };
}

export function writeSettings(store: SessionStore, s: Partial<SessionSettings>): void {
  store.db.transaction(() => {
    if (s.mode !== undefined) store.setSetting('mode', s.mode);
    if (s.root !== undefined) store.setSetting('root', s.root);
    if (s.outputDir !== undefined) store.setSetting('outputDir', s.outputDir ?? '');
    if (s.prefix !== undefined) store.setSetting('prefix', s.prefix);
    if (s.separator !== undefined) store.setSetting('separator', s.separator);
    if (s.captionMode !== undefined) store.setSetting('captionMode', s.captionMode);
    if (s.triggerWord !== undefined) store.setSetting('triggerWord', s.triggerWord ?? '');
    if (s.underscoresToSpaces !== undefined) store.setSetting('underscoresToSpaces', s.underscoresToSpaces ? '1' : '0');
    if (s.positionImageId !== undefined) store.setSetting('position', String(s.positionImageId ?? ''));
  })();
}
