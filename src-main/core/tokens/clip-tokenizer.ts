import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { AppError, describeFsError } from '../app-error';

/**
 * OpenAI CLIP's byte-level BPE tokenizer, offline, for the token counter under
 * the caption editor. SD 1.x/2.x/XL and Flux feed captions to a CLIP text
 * encoder that sees 77 positions: start, 75 tokens, end. Anything past 75 is
 * silently cut by the trainer, which is what the counter warns about.
 *
 * Text cleanup follows Hugging Face's CLIPTokenizer (the `tokenizers` one that
 * diffusers, kohya-ss and ComfyUI load): NFC, every whitespace run to one space,
 * per-character lowercase. OpenAI's simple_tokenizer.py also runs ftfy and
 * html.unescape; we skip both, so mojibake repair and `&amp;`-style entities
 * differ from that original (HF's tokenizer skips them too).
 */

/** 77 positions minus start and end: what SD and Flux keep of a caption. */
export const CLIP_TOKEN_LIMIT = 75;
export const CLIP_START_ID = 49406;
export const CLIP_END_ID = 49407;

const VOCAB_FILE = 'bpe_simple_vocab_16e6.txt.gz';
/** The vocab is 49408 ids: 256 bytes, 256 bytes + `</w>`, merges, 2 specials. */
const MERGE_COUNT = 49152 - 256 - 2;
const START_TEXT = '<|startoftext|>';
const END_TEXT = '<|endoftext|>';
/** Bounds memory if someone pastes a book; captions reuse a few thousand words. */
const CACHE_LIMIT = 50_000;
/**
 * Merging is quadratic in a word's length, so a pasted blob with no spaces
 * could stall the editor. No real word comes near this many bytes; longer
 * runs are merged in slices of it (only their count may differ from CLIP's).
 */
const MAX_WORD_BYTES = 256;

export interface ClipTokenizer {
  /** Token ids of `text`, without the start and end tokens the encoder adds. */
  encode(text: string): number[];
  /** Tokens `text` takes out of CLIP_TOKEN_LIMIT (start and end excluded). */
  count(text: string): number;
}

// Whole special tokens first (as HF's added tokens), then CLIP's pre-token
// pattern: contractions, letter runs, single digits, other non-space runs.
const SPECIAL_SPLIT = /(<\|startoftext\|>|<\|endoftext\|>)/u;
const PRE_TOKEN = /'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\p{White_Space}\p{L}\p{N}]+/gu;
const WHITESPACE_RUN = /\p{White_Space}+/gu;
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * GPT-2's reversible byte → character table: printable Latin-1 bytes map to
 * themselves, the rest to U+0100 onwards, so BPE never sees a space or control
 * character. Returns the table and the byte order that defines token ids 0..255.
 */
function byteTable(): { chars: string[]; idOrder: number[] } {
  const chars = new Array<string>(256);
  const printable: number[] = [];
  const other: number[] = [];
  for (let b = 0; b < 256; b++) {
    if ((b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff)) printable.push(b);
    else other.push(b);
  }
  printable.forEach((b) => (chars[b] = String.fromCodePoint(b)));
  other.forEach((b, n) => (chars[b] = String.fromCodePoint(256 + n)));
  return { chars, idOrder: [...printable, ...other] };
}

/** The caption as the encoder sees it before splitting. */
export function normalizeForClip(text: string): string {
  const spaced = text.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
  // Per character, as HF does: a whole-string toLowerCase would turn a final
  // Σ into ς where CLIP's tokenizer keeps σ.
  if (!NON_ASCII.test(spaced)) return spaced.toLowerCase();
  let out = '';
  for (const ch of spaced) out += ch.toLowerCase();
  return out;
}

/**
 * Reads the gzipped merges file synchronously (~1.3 MB; parsing takes tens of
 * milliseconds) and returns a tokenizer that caches BPE results per word.
 */
export function loadClipTokenizer(vocabGzPath: string): ClipTokenizer {
  let gz: Buffer;
  try {
    gz = readFileSync(vocabGzPath);
  } catch (err) {
    throw describeFsError(err, vocabGzPath);
  }
  let text: string;
  try {
    text = gunzipSync(gz).toString('utf8');
  } catch (err) {
    throw new AppError('invalid-input', `${vocabGzPath}: not a gzipped CLIP vocabulary (${(err as Error).message})`);
  }

  const { chars: byteChars, idOrder } = byteTable();
  const ids = new Map<string, number>();
  idOrder.forEach((b, i) => ids.set(byteChars[b]!, i));
  idOrder.forEach((b, i) => ids.set(byteChars[b]! + '</w>', 256 + i));
  const ranks = new Map<string, number>();
  // Line 0 is the "#version" header. Only the first MERGE_COUNT merges are
  // used, so walk lines by hand instead of splitting all 262k of them.
  let pos = text.indexOf('\n') + 1;
  for (let i = 0; i < MERGE_COUNT; i++) {
    const end = text.indexOf('\n', pos);
    if (pos === 0 || end < 0) {
      throw new AppError('invalid-input', `${vocabGzPath}: has ${i} merges, CLIP needs ${MERGE_COUNT}`);
    }
    const line = text.slice(pos, end);
    pos = end + 1;
    // Tokens never contain a space, so "a b" is an unambiguous key for the pair.
    const space = line.indexOf(' ');
    if (space <= 0) throw new AppError('invalid-input', `${vocabGzPath}: merge line ${i + 2} is not "a b"`);
    ranks.set(line, i);
    ids.set(line.slice(0, space) + line.slice(space + 1), 512 + i);
  }
  ids.set(START_TEXT, CLIP_START_ID);
  ids.set(END_TEXT, CLIP_END_ID);

  const cache = new Map<string, readonly number[]>();

  /** Appends the ids of one pre-token: byte-mapped, then merged. */
  function encodeWord(word: string, out: number[]): void {
    let wordIds = cache.get(word);
    if (!wordIds) {
      const mapped = PRINTABLE_ASCII.test(word)
        ? word
        : Array.from(Buffer.from(word, 'utf8'), (b) => byteChars[b]!).join('');
      const merged: number[] = [];
      for (let at = 0; at < mapped.length; at += MAX_WORD_BYTES) {
        const end = Math.min(at + MAX_WORD_BYTES, mapped.length);
        for (const id of bpe(mapped.slice(at, end), end === mapped.length)) merged.push(id);
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(word, merged);
      wordIds = merged;
    }
    for (const id of wordIds) out.push(id);
  }

  /** Applies the merges to byte-mapped symbols, lowest rank first. */
  function bpe(mapped: string, endsWord: boolean): number[] {
    let symbols = mapped.split('');
    if (endsWord) symbols[symbols.length - 1] += '</w>';
    while (symbols.length > 1) {
      let best = Infinity;
      let at = -1;
      for (let i = 0; i < symbols.length - 1; i++) {
        const rank = ranks.get(symbols[i] + ' ' + symbols[i + 1]);
        if (rank !== undefined && rank < best) {
          best = rank;
          at = i;
        }
      }
      if (at < 0) break;
      const first = symbols[at]!;
      const second = symbols[at + 1]!;
      // Every occurrence of the winning pair merges in one left-to-right pass,
      // as simple_tokenizer.py does; overlapping "a a a" merges the left pair.
      const merged: string[] = [];
      for (let i = 0; i < symbols.length; i++) {
        if (symbols[i] === first && symbols[i + 1] === second && i < symbols.length - 1) {
          merged.push(first + second);
          i++;
        } else {
          merged.push(symbols[i]!);
        }
      }
      symbols = merged;
    }
    return symbols.map((s) => {
      const id = ids.get(s);
      if (id === undefined) throw new Error(`CLIP BPE produced "${s}", which is not in the vocabulary`);
      return id;
    });
  }

  function encode(text: string): number[] {
    const out: number[] = [];
    for (const part of normalizeForClip(text).split(SPECIAL_SPLIT)) {
      if (part === START_TEXT) out.push(CLIP_START_ID);
      else if (part === END_TEXT) out.push(CLIP_END_ID);
      else for (const word of part.match(PRE_TOKEN) ?? []) encodeWord(word, out);
    }
    return out;
  }

  return { encode, count: (text) => encode(text).length };
}

/**
 * Where the bundled vocabulary lives: `$LORA_TAGGER_ASSETS/clip/...` when that
 * variable names the assets folder (a packaged app sets it to its resources),
 * otherwise the nearest `assets/clip` above this module, which finds the repo's
 * copy both from source and from the bundled `out/main`.
 */
export function clipVocabPath(): string {
  const override = process.env.LORA_TAGGER_ASSETS;
  if (override) return join(override, 'clip', VOCAB_FILE);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'assets', 'clip');
    if (existsSync(candidate)) return join(candidate, VOCAB_FILE);
    const parent = dirname(dir);
    if (parent === dir) {
      throw new AppError('not-found', `assets/clip/${VOCAB_FILE} was not found above ${fileURLToPath(import.meta.url)}`);
    }
    dir = parent;
  }
}
