import iconv from 'iconv-lite';

/**
 * Windows-1252 as a lossless byte <-> char table.
 *
 * iconv-lite turns the five bytes 1252 leaves undefined (0x81 0x8D 0x8F 0x90
 * 0x9D) into U+FFFD and back into '?', which would mangle those bytes on the
 * first edit. We take its table and fill the holes the way the WHATWG Encoding
 * Standard does (byte n <-> U+00nn), so every byte sequence decodes to a string
 * that encodes back to the very same bytes.
 */
const BYTE_TO_CHAR: readonly string[] = (() => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const chars = [...iconv.decode(Buffer.from(all), 'windows1252')];
  return chars.map((ch, byte) => (ch === '\uFFFD' ? String.fromCharCode(byte) : ch));
})();

const CHAR_TO_BYTE: ReadonlyMap<string, number> = new Map(BYTE_TO_CHAR.map((ch, byte) => [ch, byte]));

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = BYTE_TO_CHAR[bytes[i]!]!;
  return parts.join('');
}

/** null when some character of `text` has no byte in Windows-1252. */
export function encodeWindows1252(text: string): Buffer | null {
  const out = Buffer.allocUnsafe(text.length);
  for (let i = 0; i < text.length; i++) {
    // every 1252 character is one UTF-16 code unit, so a surrogate half never matches
    const byte = CHAR_TO_BYTE.get(text[i]!);
    if (byte === undefined) return null;
    out[i] = byte;
  }
  return out;
}
