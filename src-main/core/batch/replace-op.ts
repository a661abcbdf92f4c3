import { regexProblem, type ReplaceOp } from '../../../src-shared/contract/batch-ops';
import { mergeEdited } from './merge-edited';

/** `{ ok: false }` carries a sentence for the user; nothing here throws on their input. */
export type Prepared<T> = { ok: true; value: T } | { ok: false; message: string };

/** Escapes text so a RegExp (including one with the 'u' flag, which refuses `\-`) matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a replace operation once, so a plan over 100,000 images builds its
 * regular expression once. Returns the per-tag rewrite: the new text, or the
 * same string when the tag does not match.
 */
function compileRewrite(op: ReplaceOp): Prepared<(tag: string) => string> {
  const { find, replace, mode, scope, caseSensitive } = op;
  if (mode === 'regex') {
    // validate the user's own pattern: wrapping it in ^(?:…)$ could make `a)(b` look valid
    const problem = regexProblem(find);
    if (problem) return { ok: false, message: problem };
  }
  const flags = (caseSensitive ? '' : 'i') + 'u';

  if (mode === 'plain' && caseSensitive) {
    // plain text: the replacement is literal, so `$1` in it stays `$1`
    return scope === 'whole-tag'
      ? { ok: true, value: (tag) => (tag === find ? replace : tag) }
      : { ok: true, value: (tag) => (tag.includes(find) ? tag.split(find).join(replace) : tag) };
  }

  const source = mode === 'regex' ? find : escapeRegExp(find);
  if (scope === 'whole-tag') {
    const whole = new RegExp(`^(?:${source})$`, flags);
    return {
      ok: true,
      value:
        mode === 'regex'
          ? (tag) => (whole.test(tag) ? tag.replace(whole, replace) : tag)
          : (tag) => (whole.test(tag) ? replace : tag),
    };
  }
  const inside = new RegExp(source, 'g' + flags);
  return {
    ok: true,
    value: mode === 'regex' ? (tag) => tag.replace(inside, replace) : (tag) => tag.replace(inside, () => replace),
  };
}

/**
 * The replace operation over one image's tags. A rewritten tag is trimmed (a
 * caption is split on its separator and trimmed when read, so `long ` would
 * not survive a round trip anyway), an empty result removes the tag, and a
 * result equal to a tag the image has merges into the first of the two.
 */
export function prepareReplace(op: ReplaceOp): Prepared<(tags: readonly string[]) => string[]> {
  const rewrite = compileRewrite(op);
  if (!rewrite.ok) return rewrite;
  const apply = rewrite.value;
  return {
    ok: true,
    value: (tags) => {
      let any = false;
      const items = tags.map((tag) => {
        const next = apply(tag);
        if (next === tag) return { tag, edited: false };
        any = true;
        return { tag: next.trim(), edited: true };
      });
      return any ? mergeEdited(items) : [...tags];
    },
  };
}
