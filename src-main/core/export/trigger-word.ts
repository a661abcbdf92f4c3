import type { CaptionMode } from '../../../src-shared/contract/export';

/**
 * Where the trigger word goes in an exported caption. Trainers that keep the
 * first tokens fixed (kohya's keep_tokens, Civitai's trainer) need it first;
 * ai-toolkit can instead take a `[trigger]` placeholder it fills in itself.
 * Everything else in the caption is kept as written.
 */

export const TRIGGER_PLACEHOLDER = '[trigger]';

/**
 * What joins the trigger to the caption, in every caption mode: kohya's
 * keep_tokens and tag shuffling split on commas, so "ohwx cafeteria, lunch"
 * would fuse the trigger into the first tag and shuffle it away.
 */
const TRIGGER_JOIN = ', ';

/** a letter, digit or underscore continues a word: "ohwx" is not in "ohwx2" or "ohwx_style" */
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const LETTER = /\p{L}/u;

/** the caption with its trigger word first, unless it already is */
export function putTriggerFirst(caption: string, trigger: string, mode: CaptionMode): string {
  return mode === 'tags' ? triggerFirstInTags(caption, trigger) : triggerFirstInText(caption, trigger);
}

/**
 * Tags: a first tag equal to the trigger is left alone. A trigger tag found
 * later is moved to the front rather than written twice (a doubled trigger
 * weighs twice in training).
 */
function triggerFirstInTags(caption: string, trigger: string): string {
  const pieces = caption.split(',');
  if (pieces[0]?.trim() === trigger) return caption;
  const at = pieces.findIndex((p) => p.trim() === trigger);
  const rest = at > 0 ? pieces.filter((_, i) => i !== at).join(',') : caption;
  const body = rest.trimStart();
  return body === '' ? trigger : `${trigger}${TRIGGER_JOIN}${body}`;
}

/**
 * Text: already first when the caption starts with the trigger followed by
 * anything but a letter ("ohwx, a man", "ohwx's dog"); "ohwxyz" is another word.
 * Otherwise it is put first with a comma, as in tags.
 */
function triggerFirstInText(caption: string, trigger: string): string {
  const body = caption.trimStart();
  if (body.startsWith(trigger)) {
    const next = body.charAt(trigger.length);
    if (next === '' || !LETTER.test(next)) return caption;
  }
  return body === '' ? trigger : `${trigger}${TRIGGER_JOIN}${body}`;
}

/**
 * ai-toolkit replaces `[trigger]` with its configured trigger word. Every
 * occurrence of the trigger becomes the placeholder; a caption without one
 * gets it first, as ai-toolkit itself would.
 */
export function useTriggerPlaceholder(caption: string, trigger: string, mode: CaptionMode): string {
  if (caption.includes(TRIGGER_PLACEHOLDER)) return caption;
  if (mode === 'tags') {
    const pieces = caption.split(',');
    let found = false;
    const replaced = pieces.map((p) => {
      if (p.trim() !== trigger) return p;
      found = true;
      return p.replace(trigger, TRIGGER_PLACEHOLDER);
    });
    if (found) return replaced.join(',');
    const body = caption.trimStart();
    return body === '' ? TRIGGER_PLACEHOLDER : `${TRIGGER_PLACEHOLDER}${TRIGGER_JOIN}${body}`;
  }
  const replaced = replaceWholeWord(caption, trigger, TRIGGER_PLACEHOLDER);
  if (replaced !== caption) return replaced;
  const body = caption.trimStart();
  return body === '' ? TRIGGER_PLACEHOLDER : `${TRIGGER_PLACEHOLDER}${TRIGGER_JOIN}${body}`;
}

function replaceWholeWord(text: string, word: string, by: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (at < from) continue;
    const before = at > 0 ? text.charAt(at - 1) : '';
    const after = text.charAt(at + word.length);
    if ((before !== '' && WORD_CHAR.test(before)) || (after !== '' && WORD_CHAR.test(after))) continue;
    out += text.slice(from, at) + by;
    from = at + word.length;
  }
  return out + text.slice(from);
}
