import type { CaptionMode } from '../../../src-shared/contract/export';

/**
 * Does a caption read as a tag list or as a sentence? Used to warn about
 * captions written for the other mode (a BLIP sentence left in a WD14-tagged
 * dataset, or a few tags in a dataset of sentences), which train the model
 * on two different prompt styles at once.
 */

/** shorter captions say too little to judge as text */
const LONG_CAPTION = 80;
/** tag lists put a comma every 10–20 characters; prose one every 60 or more */
const CHARS_PER_COMMA_IN_TEXT = 40;

export function classifyCaption(caption: string): CaptionMode | null {
  const text = caption.trim();
  if (text === '') return null;
  const commas = text.split(',').length - 1;
  if (text.length > LONG_CAPTION && commas < text.length / CHARS_PER_COMMA_IN_TEXT) return 'text';
  if (looksLikeTagList(text)) return 'tags';
  return null;
}

/**
 * At least three comma-separated pieces, each a short phrase, and no
 * sentence punctuation: "1girl, solo, red hair" but not "A cat, sitting on
 * a mat, in the sun." (that is prose with commas).
 */
function looksLikeTagList(text: string): boolean {
  if (/[.!?]$/.test(text)) return false;
  const pieces = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (pieces.length < 3) return false;
  // a loop, not Math.max(...words): a 10 MB caption has millions of pieces, more than a call's arguments
  let total = 0;
  for (const piece of pieces) {
    const words = piece.split(/\s+/).length;
    if (words > 5) return false;
    total += words;
  }
  return total / pieces.length <= 3;
}

/** true when the caption plainly belongs to the other mode */
export function isOtherMode(caption: string, mode: CaptionMode): boolean {
  const seen = classifyCaption(caption);
  return seen !== null && seen !== mode;
}
