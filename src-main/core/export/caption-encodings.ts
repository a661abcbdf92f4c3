import type { CheckLine } from '../../../src-shared/contract/export';
import { CJK_LABELS, cjkReadings, isCjkEncoding, type CjkEncoding } from '../captions/cjk-encodings';
import { encodeWindows1252 } from '../captions/windows-1252';
import { HUGE_CAPTION_CHARS } from './export-limits';
import type { ExportSource } from './export-source';
import { plural } from './targets/target-spec';

/**
 * Captions whose text may not be what their file says. Every trainer reads
 * the exported captions as UTF-8, which the export writes, so a caption read
 * right is exported right; these are the ones that may not have been:
 *  - read as Shift-JIS, GBK, Big5, EUC-KR or EUC-JP: the file does not say
 *    which, so it was a guess (a short Korean or Chinese caption may read as
 *    its neighbour);
 *  - read as Windows-1252 though they look like CJK text with a byte that
 *    does not fit: shown and exported garbled (`”LŽ¨` for `猫耳`);
 *  - holding NUL characters: not text at all, most likely a file saved
 *    under a caption's name by mistake.
 */
export function captionEncodingLines(sources: readonly ExportSource[]): CheckLine[] {
  const guessed = new Map<CjkEncoding, number[]>();
  const garbled = new Map<CjkEncoding, number[]>();
  const nul: number[] = [];
  for (const s of sources) {
    const text = s.captionText;
    if (text.includes('\0')) nul.push(s.id);
    const encoding = s.captionEncoding;
    if (encoding && isCjkEncoding(encoding)) push(guessed, encoding, s.id);
    else if (encoding === 'windows1252' && text.length <= HUGE_CAPTION_CHARS) {
      const bytes = encodeWindows1252(text);
      const looks = bytes && cjkReadings(bytes)[0];
      if (looks) push(garbled, looks.encoding, s.id);
    }
  }
  const lines: CheckLine[] = [];
  for (const [encoding, ids] of guessed) {
    lines.push({
      kind: 'caption-encoding',
      severity: 'warning',
      message: `${plural(ids.length, 'caption')} read as ${CJK_LABELS[encoding]}, a guess (the file does not say its encoding): check that ${ids.length === 1 ? 'it reads' : 'they read'} right. The export writes UTF-8.`,
      imageIds: ids,
    });
  }
  for (const [encoding, ids] of garbled) {
    lines.push({
      kind: 'caption-encoding',
      severity: 'warning',
      message: `${plural(ids.length, 'caption')} ${ids.length === 1 ? 'looks' : 'look'} like ${CJK_LABELS[encoding]} text with bytes that do not fit it, and ${ids.length === 1 ? 'was' : 'were'} read as Windows-1252: shown and exported garbled. Save ${ids.length === 1 ? 'it' : 'them'} as UTF-8 in an editor that reads them right.`,
      imageIds: ids,
    });
  }
  if (nul.length > 0) {
    lines.push({
      kind: 'nul-in-caption',
      severity: 'warning',
      message: `${plural(nul.length, 'caption')} ${nul.length === 1 ? 'holds' : 'hold'} NUL characters, which are not text: was a file saved under a caption's name by mistake?`,
      imageIds: nul,
    });
  }
  return lines;
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
