/**
 * SentencePiece's `precompiled_charsmap`: the normalization rules (NFKC plus
 * SentencePiece's own whitespace and control-character rewrites) that T5's
 * tokenizer.json carries as one base64 blob. Layout, as Hugging Face's
 * spm_precompiled crate reads it: a little-endian u32 byte length of a
 * Darts-clone double-array trie over UTF-8 key bytes, the trie's u32 units,
 * then NUL-terminated replacement strings that the trie's values index by
 * byte offset.
 */

export interface Charsmap {
  /**
   * The replacement for the shortest key that is a prefix of `chunk`, or
   * undefined. Shortest, not longest, because that is what tokenizers'
   * `Precompiled::transform` does, and T5's reference counts come from it.
   */
  transform(chunk: string): string | undefined;
}

export class CharsmapError extends Error {}

// A Darts-clone unit packs: bits 0-7 the label byte, bit 8 "a key ends
// here", bit 9 "offset is shifted by 8", bits 10-31 the offset to the
// children; a value unit sets bit 31 and keeps the value in bits 0-30.
const hasLeaf = (unit: number): boolean => ((unit >>> 8) & 1) === 1;
const valueOf = (unit: number): number => unit & 0x7fffffff;
const labelOf = (unit: number): number => (unit & 0x800000ff) >>> 0;
const offsetOf = (unit: number): number => (unit >>> 10) << ((unit & 0x200) >>> 6);

const utf8 = new TextEncoder();

export function parseCharsmap(blob: Uint8Array): Charsmap {
  if (blob.length < 4) throw new CharsmapError('precompiled_charsmap is shorter than its header');
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const trieBytes = view.getUint32(0, true);
  if (trieBytes % 4 !== 0 || trieBytes === 0 || 4 + trieBytes > blob.length) {
    throw new CharsmapError(`precompiled_charsmap declares a ${trieBytes}-byte trie in a ${blob.length}-byte blob`);
  }
  const units = new Uint32Array(trieBytes / 4);
  for (let i = 0; i < units.length; i++) units[i] = view.getUint32(4 + i * 4, true);
  const normalized = blob.subarray(4 + trieBytes);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    decoder.decode(normalized);
  } catch {
    throw new CharsmapError('precompiled_charsmap replacements are not valid UTF-8');
  }

  /** Value of the first (shortest) key that prefixes `key`; stops at NUL, as the crate does. */
  function firstPrefixValue(key: Uint8Array): number | undefined {
    let pos = offsetOf(units[0]!);
    for (const byte of key) {
      if (byte === 0) break;
      pos ^= byte;
      const unit = units[pos];
      if (unit === undefined || labelOf(unit) !== byte) return undefined;
      pos ^= offsetOf(unit);
      if (hasLeaf(unit)) {
        const value = units[pos];
        return value === undefined ? undefined : valueOf(value);
      }
    }
    return undefined;
  }

  function replacementAt(index: number): string | undefined {
    if (index > normalized.length) return undefined;
    let end = index;
    while (end < normalized.length && normalized[end] !== 0) end++;
    return decoder.decode(normalized.subarray(index, end));
  }

  return {
    transform(chunk) {
      const value = firstPrefixValue(utf8.encode(chunk));
      return value === undefined ? undefined : replacementAt(value);
    },
  };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Normalizes as tokenizers' Precompiled normalizer does: a whole grapheme
 * cluster (under 6 UTF-8 bytes) is looked up first, else each of its
 * characters; unmatched characters pass through unchanged.
 */
export function applyCharsmap(map: Charsmap, text: string): string {
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (utf8.encode(segment).length < 6) {
      const whole = map.transform(segment);
      if (whole !== undefined) {
        out += whole;
        continue;
      }
    }
    for (const ch of segment) out += map.transform(ch) ?? ch;
  }
  return out;
}
