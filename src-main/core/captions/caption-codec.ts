import type { CaptionEncoding } from '../../../src-shared/contract/models';
import { AppError } from '../app-error';
import { CJK_LABELS, encodeCjk, guessCjk, isCjkEncoding, type CjkEncoding } from './cjk-encodings';
import { decodeWindows1252, encodeWindows1252 } from './windows-1252';

export type LineEnding = 'none' | 'lf' | 'crlf';

export interface CaptionFormat {
  encoding: CaptionEncoding;
  bom: boolean;
  /** the one line ending after the text, if the file had one */
  lineEnding: LineEnding;
}

/** What trainers expect and what we write for a caption that has no file yet. */
export const DEFAULT_CAPTION_FORMAT: CaptionFormat = Object.freeze({
  encoding: 'utf8',
  bom: false,
  lineEnding: 'none',
});

export interface DecodedCaption {
  /** the content without BOM and without one trailing line ending; interior newlines kept */
  text: string;
  format: CaptionFormat;
}

const LINE_ENDINGS: Record<LineEnding, string> = { none: '', lf: '\n', crlf: '\r\n' };

/**
 * Decoding is lossless for every byte sequence: whatever a file holds,
 * `encodeCaption(d.text, d.format)` gives its bytes back. Each detection step
 * only claims a file when it can decode it exactly; anything else falls through
 * to Windows-1252, where every byte maps to a character and back. Text that is
 * neither UTF-8 nor plausible as 1252 is tried as Shift-JIS, GBK, Big5,
 * EUC-KR and EUC-JP (see guessCjk).
 */
export function decodeCaption(bytes: Uint8Array): DecodedCaption {
  const { content, encoding, bom } = detect(bytes);
  const { text, lineEnding } = splitLineEnding(content);
  return { text, format: { encoding, bom, lineEnding } };
}

function detect(bytes: Uint8Array): { content: string; encoding: CaptionEncoding; bom: boolean } {
  if (startsWith(bytes, UTF8_BOM)) {
    const content = decodeUtf8Strict(bytes.subarray(UTF8_BOM.length));
    if (content !== null) return { content, encoding: 'utf8', bom: true };
  }
  // an odd length cannot be UTF-16: decoding it would drop the last byte
  if (bytes.length % 2 === 0) {
    if (startsWith(bytes, UTF16LE_BOM)) return { content: decodeUtf16(bytes.subarray(2), 'utf16le'), encoding: 'utf16le', bom: true };
    if (startsWith(bytes, UTF16BE_BOM)) return { content: decodeUtf16(bytes.subarray(2), 'utf16be'), encoding: 'utf16be', bom: true };
    const guess = guessBomlessUtf16(bytes);
    if (guess) return { content: decodeUtf16(bytes, guess), encoding: guess, bom: false };
  }
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== null) return { content: utf8, encoding: 'utf8', bom: false };
  const cjk = guessCjk(bytes);
  if (cjk?.exact) return { content: cjk.text, encoding: cjk.encoding, bom: false };
  return { content: decodeWindows1252(bytes), encoding: 'windows1252', bom: false };
}

/**
 * An edit holds a character the caption's CJK encoding has no bytes for: it
 * is refused, never written with a stand-in ('?') nor in another encoding.
 */
export class UnencodableCaptionError extends AppError {
  constructor(
    readonly encoding: CjkEncoding,
    readonly character: string,
  ) {
    super('invalid-input', `The caption is written in ${CJK_LABELS[encoding]}, which has no “${character}”`, { encoding, character });
  }
}

/**
 * Encodes `text` plus the format's line ending. When the original encoding
 * cannot hold the text (an emoji typed into a Windows-1252 caption), the text
 * is written as UTF-8 without BOM instead of being silently turned into '?',
 * and `fellBack` says so; `format` is always the one actually used. A CJK
 * caption is not switched to UTF-8 behind the user's back: the tools that
 * wrote it read it in its own encoding, so UnencodableCaptionError is thrown.
 */
export function encodeCaption(
  text: string,
  format: CaptionFormat,
): { bytes: Buffer; format: CaptionFormat; fellBack: boolean } {
  const content = text + LINE_ENDINGS[format.lineEnding];
  const bytes = encodeExact(content, format);
  if (bytes) return { bytes, format: { ...format }, fellBack: false };
  if (isCjkEncoding(format.encoding)) {
    throw new UnencodableCaptionError(format.encoding, missingCharacter(content, format.encoding) ?? '\uFFFD');
  }
  const fallback: CaptionFormat = { encoding: 'utf8', bom: false, lineEnding: format.lineEnding };
  const utf8 = encodeExact(content, fallback);
  // only a string with an unpaired surrogate half gets here: no file can come
  // from it without changing it, so refuse rather than write something else
  if (!utf8) throw new AppError('invalid-input', 'The caption contains a broken character (an unpaired UTF-16 surrogate)');
  return { bytes: utf8, format: fallback, fellBack: true };
}

/** The bytes for `content`, or null unless decoding them gives `content` back exactly. */
function encodeExact(content: string, format: CaptionFormat): Buffer | null {
  let body: Buffer | null;
  let decoded: string | null;
  switch (format.encoding) {
    case 'utf8':
      body = Buffer.from(content, 'utf8');
      decoded = decodeUtf8Strict(body);
      break;
    case 'utf16le':
    case 'utf16be':
      body = encodeUtf16(content, format.encoding);
      decoded = decodeUtf16(body, format.encoding);
      break;
    case 'windows1252':
      body = encodeWindows1252(content);
      decoded = body && decodeWindows1252(body);
      break;
    default:
      body = encodeCjk(content, format.encoding);
      decoded = content;
  }
  if (body === null || decoded !== content) return null;
  return format.bom ? Buffer.concat([bomFor(format.encoding), body]) : body;
}

/**
 * What encodeCaption would refuse: the first character of `text` the
 * caption's CJK encoding has no bytes for (null when it can be written).
 */
export function unwritableCharacter(text: string, format: CaptionFormat): { encoding: CjkEncoding; character: string } | null {
  if (!isCjkEncoding(format.encoding)) return null;
  const character = missingCharacter(text, format.encoding);
  return character === null ? null : { encoding: format.encoding, character };
}

/** the first character (a whole code point) that `encoding` has no bytes for */
function missingCharacter(content: string, encoding: CjkEncoding): string | null {
  for (const ch of content) if (encodeCjk(ch, encoding) === null) return ch;
  return null;
}

function splitLineEnding(content: string): { text: string; lineEnding: LineEnding } {
  if (content.endsWith('\r\n')) return { text: content.slice(0, -2), lineEnding: 'crlf' };
  if (content.endsWith('\n')) return { text: content.slice(0, -1), lineEnding: 'lf' };
  return { text: content, lineEnding: 'none' };
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

function bomFor(encoding: CaptionEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return UTF8_BOM;
    case 'utf16le':
      return UTF16LE_BOM;
    case 'utf16be':
      return UTF16BE_BOM;
    default:
      return Buffer.alloc(0); // 1252 and the CJK encodings have no BOM; a format claiming one writes none
  }
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

// ignoreBOM: a BOM was already taken off above, so a U+FEFF left here is text
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

// Node's own UTF-16LE codec maps code units one to one, unpaired surrogates
// included, so it is exact in both directions; big-endian is the same with
// each pair of bytes swapped.
function decodeUtf16(bytes: Uint8Array, encoding: 'utf16le' | 'utf16be'): string {
  const copy = Buffer.from(bytes);
  if (encoding === 'utf16be') copy.swap16();
  return copy.toString('utf16le');
}

function encodeUtf16(content: string, encoding: 'utf16le' | 'utf16be'): Buffer {
  const bytes = Buffer.from(content, 'utf16le');
  return encoding === 'utf16be' ? bytes.swap16() : bytes;
}

/**
 * UTF-16 written without a BOM (some Windows tools do): in mostly-ASCII text
 * every other byte is NUL, odd positions for little-endian, even for
 * big-endian. UTF-8 and Windows-1252 captions practically never hold NULs.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf16le' | 'utf16be' | null {
  const units = bytes.length / 2;
  if (units === 0) return null;
  let nulEven = 0;
  let nulOdd = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) nulEven++;
    if (bytes[i + 1] === 0) nulOdd++;
  }
  // at least half the characters ASCII, and the other half-byte column almost free of NULs
  if (nulOdd * 2 >= units && nulEven * 10 <= units) return 'utf16le';
  if (nulEven * 2 >= units && nulOdd * 10 <= units) return 'utf16be';
  return null;
}
