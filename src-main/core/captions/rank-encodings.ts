import { createRequire } from 'node:module';
import type { CjkEncoding } from './cjk-encodings';

type Jschardet = typeof import('jschardet');

/** jschardet's names for ours (it answers in its own spelling and case) */
const DETECTOR_NAMES: Record<CjkEncoding, readonly string[]> = {
  shiftjis: ['shift_jis', 'cp932'],
  eucjp: ['euc-jp'],
  gbk: ['gb18030'],
  big5: ['big5'],
  euckr: ['euc-kr', 'cp949'],
};

let detector: Jschardet | null = null;

/**
 * Loaded on first use, not at start-up: its model takes a tenth of a second
 * to load, and only a caption that reads as CJK in more than one encoding
 * ever needs it (none, in most datasets).
 */
function load(): Jschardet {
  detector ??= createRequire(import.meta.url)('jschardet') as Jschardet;
  return detector;
}

/**
 * Which of `candidates` the bytes most likely are, by jschardet's character
 * frequency models; the first candidate when it has no opinion. Only
 * encodings the bytes decode in are offered, so any answer is a readable one.
 */
export function rankEncodings(bytes: Uint8Array, candidates: readonly CjkEncoding[]): CjkEncoding {
  const first = candidates[0]!;
  const results = load().chardet.detectAll(bytes, {
    includeEncodings: candidates.flatMap((c) => DETECTOR_NAMES[c]),
    // said instead of its default (1252, excluded here), which it would warn about on the console
    noMatchEncoding: DETECTOR_NAMES[first][0]!,
    ignoreThreshold: true,
  });
  for (const { encoding } of results) {
    const name = encoding?.toLowerCase();
    const ours = candidates.find((c) => DETECTOR_NAMES[c].includes(name ?? ''));
    if (ours) return ours;
  }
  return first;
}
