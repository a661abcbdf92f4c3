import type { CaptionMode } from '../../../src-shared/contract/export';
import { isWhiteSpaceCode } from '../../../src-shared/tag-text';

/**
 * Does a caption read as a tag list or as a sentence? One judge for two
 * jobs: guessing a dataset's mode when it is first opened, and warning about
 * captions written for the other mode (a BLIP sentence left in a
 * WD14-tagged dataset, or a few tags in a dataset of sentences), which train
 * the model on two different prompt styles at once.
 *
 * Commas alone do not tell: "mensa-food, a meal on a white tray, from above,
 * no humans" is a list of short phrases (tags), while "A cat sits on a mat,
 * looking at the camera, while the sun sets." is prose. Sentence punctuation
 * and the length of the comma-separated pieces do.
 */

/** a tag is one to three words; a list may hold a longer description among them */
const SHORT_PIECE_WORDS = 3;
/** fewer words say too little to judge as a sentence */
const MIN_SENTENCE_WORDS = 5;
/** a caption without commas this long is a sentence without its full stop */
const MIN_UNPUNCTUATED_SENTENCE_WORDS = 8;

export function classifyCaption(caption: string): CaptionMode | null {
  // one pass over the characters, making no strings: the pieces between commas and their words
  // (runs of what /\s/ does not match), as split(',') and trim() and split(/\s+/) would give them.
  // An open judges 500 captions before it answers, in code not yet compiled
  let pieces = 0;
  let words = 0;
  let longest = 0;
  let short = 0;
  let pieceWords = 0;
  let inWord = false;
  for (let i = 0; i <= caption.length; i++) {
    const c = i < caption.length ? caption.charCodeAt(i) : COMMA;
    if (c === COMMA) {
      if (pieceWords > 0) {
        pieces++;
        words += pieceWords;
        if (pieceWords > longest) longest = pieceWords;
        if (pieceWords <= SHORT_PIECE_WORDS) short++;
      }
      pieceWords = 0;
      inWord = false;
    } else if (isWhiteSpaceCode(c)) inWord = false;
    else if (!inWord) {
      inWord = true;
      pieceWords++;
    }
  }
  if (pieces === 0) return null;
  if (words >= MIN_SENTENCE_WORDS && readsAsSentences(caption.trim())) return 'text';
  // clauses of prose are rarely three words or fewer; tags nearly always are
  if (pieces >= 2 && short * 2 >= pieces) return 'tags';
  if (longest >= MIN_UNPUNCTUATED_SENTENCE_WORDS) return 'text';
  return null;
}

const COMMA = 0x2c;

/** ends like a sentence, or has one sentence ending before another begins */
function readsAsSentences(text: string): boolean {
  return /[.!?]["')\]]?$/.test(text) || /[.!?]\s+\p{Lu}/u.test(text);
}

/** true when the caption plainly belongs to the other mode */
export function isOtherMode(caption: string, mode: CaptionMode): boolean {
  const seen = classifyCaption(caption);
  return seen !== null && seen !== mode;
}

/**
 * captions judged at most: an even sample of 500 tells a dataset's mode as
 * well as 100,000 would, and is judged well within one turn of the event loop
 */
const SAMPLE = 500;

/**
 * A dataset's mode from the captions it already has: 'text' when most of its
 * non-empty captions read as prose, else 'tags'; null with none to judge by.
 * `textOf` is asked only for the sampled items, not mapped over the whole
 * list first.
 */
export function guessCaptionMode<T>(items: readonly T[], textOf: (item: T) => string): CaptionMode | null {
  const stride = Math.max(1, items.length / SAMPLE);
  let judged = 0;
  let prose = 0;
  for (let at = 0; at < items.length; at += stride) {
    const text = textOf(items[Math.floor(at)]!);
    if (text.trim() === '') continue;
    judged++;
    if (classifyCaption(text) === 'text') prose++;
  }
  if (judged === 0) return null;
  return prose * 2 > judged ? 'text' : 'tags';
}
