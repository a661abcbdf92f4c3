import iconv from 'iconv-lite';
import type { CaptionEncoding } from '../../../src-shared/contract/models';
import { rankEncodings } from './rank-encodings';
import { decodeWindows1252 } from './windows-1252';

/**
 * The legacy double-byte encodings of Chinese, Japanese and Korean text that
 * captions from older tools (and Windows editors of those locales) are found
 * in. Names as iconv-lite spells them, which is also how the session stores them.
 */
export type CjkEncoding = Exclude<CaptionEncoding, 'utf8' | 'utf16le' | 'utf16be' | 'windows1252'>;
export const CJK_ENCODINGS: readonly CjkEncoding[] = ['shiftjis', 'eucjp', 'gbk', 'big5', 'euckr'];

export const CJK_LABELS: Record<CjkEncoding, string> = {
  shiftjis: 'Shift-JIS',
  eucjp: 'EUC-JP',
  gbk: 'GBK',
  big5: 'Big5',
  euckr: 'EUC-KR',
};

export function isCjkEncoding(encoding: string): encoding is CjkEncoding {
  return (CJK_ENCODINGS as readonly string[]).includes(encoding);
}

export function decodeCjk(bytes: Uint8Array, encoding: CjkEncoding): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding);
}

/** null unless decoding the bytes gives `text` back exactly */
export function encodeCjk(text: string, encoding: CjkEncoding): Buffer | null {
  const bytes = iconv.encode(text, encoding);
  return decodeCjk(bytes, encoding) === text ? bytes : null;
}

const MAX_GUESS_BYTES = 256 * 1024;

export interface CjkGuess {
  encoding: CjkEncoding;
  text: string;
  /** the text encodes back to the very same bytes; a caption is only read this way when it does */
  exact: boolean;
}

/**
 * Bytes that are not UTF-8 are Windows-1252 unless they read as CJK text.
 * Every byte sequence is valid 1252, so the question is which reading is
 * plausible, and captions are too short for a statistical detector alone
 * (jschardet takes `猫耳, 少女` for IBM855, and ranks Big5 level with 1252
 * for "naïve, café"). An encoding is a candidate only when all of these hold:
 *  - its reading has no broken sequence, and every character beyond ASCII is
 *    a common CJK one: ideographs, kana, hangul, CJK punctuation, full-width
 *    forms (no half-width katakana, whose bytes are 1252's accented capitals);
 *  - its characters stand apart from Latin letters. Accented Latin words read
 *    as CJK come out as one ideograph glued inside a word ("na鴳es" for
 *    "naïves"), while CJK tags stand between commas and spaces;
 *  - more of its characters speak for it than are glued to letters: ones
 *    among its frequent characters (rare ideographs are no evidence: their
 *    bytes are as likely 1252's unused ones) that would not read as a word
 *    in 1252 ("Öl" is a German word and a GBK ideograph, "”L" is only 猫 in
 *    Shift-JIS).
 * Several encodings often pass (GBK and EUC-KR share a byte structure), and
 * jschardet ranks those; a short Korean or Chinese caption may still be taken
 * for its neighbour, which the export check asks the user to look at.
 * Returns null when the bytes are not CJK text (or are far larger than any
 * caption: a file saved under a .txt name by mistake is not worth five decodes).
 */
export function guessCjk(bytes: Uint8Array): CjkGuess | null {
  const readings = cjkReadings(bytes);
  const exact = readings.filter((r) => r.exact);
  if (exact.length === 0) return readings[0] ?? null;
  if (exact.length === 1) return exact[0]!;
  const best = rankEncodings(bytes, exact.map((g) => g.encoding));
  return exact.find((g) => g.encoding === best) ?? exact[0]!;
}

/** every plausible CJK reading of the bytes (see guessCjk), unranked */
export function cjkReadings(bytes: Uint8Array): CjkGuess[] {
  if (bytes.length > MAX_GUESS_BYTES || !bytes.some((b) => b >= 0x80)) return [];
  const readings: CjkGuess[] = [];
  for (const encoding of CJK_ENCODINGS) {
    const text = decodeCjk(bytes, encoding);
    if (plausibleCjk(text, encoding)) readings.push({ encoding, text, exact: iconv.encode(text, encoding).equals(bytes) });
  }
  return readings;
}

// U+3000–U+30FF CJK punctuation, hiragana, katakana; U+3400–U+4DBF and U+4E00–U+9FFF ideographs;
// U+AC00–U+D7AF hangul syllables; U+F900–U+FAFF compatibility ideographs; U+FF01–U+FF60 and
// U+FFE0–U+FFEF full-width forms (half-width katakana, U+FF61–U+FF9F, left out on purpose)
const COMMON_CJK = /^[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60\uffe0-\uffef]$/u;
// the letters of Windows-1252, as one in a word of 1252 text may be
const LATIN_1252_LETTER = /^[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e]$/;

function plausibleCjk(text: string, encoding: CjkEncoding): boolean {
  let glued = 0;
  let telling = 0;
  let previous = 0;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (code >= 0x80) {
      const ch = text.slice(i, i + width);
      if (!COMMON_CJK.test(ch)) return false;
      if (isAsciiLetter(previous) || isAsciiLetter(text.charCodeAt(i + width))) glued++;
      else if (telltale(iconv.encode(ch, encoding), encoding)) telling++;
    }
    previous = code;
    i += width;
  }
  // "Tシャツ" glues one katakana to a letter; a Latin word read as CJK glues nearly all
  return telling > glued;
}

const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/**
 * Where each encoding keeps what most text is written with (its first lead
 * byte to its last): kana and the first level of kanji, GB2312's common
 * hanzi, Big5's frequent characters, hangul. Bytes that only make up rare
 * ideographs are no evidence: they are as likely 1252's unused bytes.
 */
const FREQUENT_LEADS: Record<CjkEncoding, readonly [number, number]> = {
  shiftjis: [0x81, 0x98],
  eucjp: [0xa1, 0xcf],
  gbk: [0xa1, 0xd7],
  big5: [0xa1, 0xc6],
  euckr: [0xa1, 0xc8],
};

/**
 * A character that speaks for its encoding: one of the frequent ones, and not
 * one whose two bytes read in 1252 as an accented letter then an ASCII letter
 * ("Öl", "Ça": words as well as ideographs).
 */
function telltale(bytes: Buffer, encoding: CjkEncoding): boolean {
  if (bytes.length !== 2) return false;
  const [low, high] = FREQUENT_LEADS[encoding];
  if (bytes[0]! < low || bytes[0]! > high) return false;
  return !(LATIN_1252_LETTER.test(decodeWindows1252(bytes.subarray(0, 1))) && isAsciiLetter(bytes[1]!));
}
