import { z } from 'zod';
import { applyCharsmap, CharsmapError, parseCharsmap } from './precompiled-charsmap';

/**
 * The `normalizer` section of a Hugging Face tokenizer.json, as plain string
 * functions. Only what SentencePiece-derived tokenizers (T5 and its kin) use
 * is supported; anything else is refused by name rather than guessed at, so a
 * wrong count never passes for a right one.
 */

export type Normalize = (text: string) => string;

export class UnsupportedStepError extends Error {}

const patternSchema = z.union([z.object({ String: z.string() }), z.object({ Regex: z.string() })]);

const stepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Sequence'), normalizers: z.array(z.unknown()) }),
  z.object({ type: z.literal('Precompiled'), precompiled_charsmap: z.string().nullable() }),
  z.object({ type: z.literal('Replace'), pattern: patternSchema, content: z.string() }),
  z.object({ type: z.literal('Strip'), strip_left: z.boolean().optional(), strip_right: z.boolean().optional() }),
  z.object({ type: z.literal('Prepend'), prepend: z.string() }),
  z.object({ type: z.enum(['NFC', 'NFD', 'NFKC', 'NFKD', 'Lowercase', 'Nmt', 'StripAccents']) }),
]);

// SentencePiece's NMT rules (tokenizers' `Nmt`): drop these control
// characters, turn these separators into a plain space.
const NMT_DROP = /[\u0001-\u0008\u000b\u000e-\u001f\u007f\u008f\u009f]/gu;
const NMT_SPACE = /[\u0009\u000a\u000c\u000d\u1680\u200b-\u200f\u2028\u2029\u2581\ufeff\ufffd]/gu;
const LEADING_SPACE = /^\p{White_Space}+/u;
const TRAILING_SPACE = /\p{White_Space}+$/u;
const COMBINING_MARK = /\p{Mn}/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function buildNormalizer(config: unknown): Normalize {
  if (config === null || config === undefined) return (text) => text;
  const kind = (config as { type?: unknown }).type;
  const parsed = stepSchema.safeParse(config);
  if (!parsed.success) {
    throw new UnsupportedStepError(
      typeof kind === 'string' ? `unsupported or malformed normalizer "${kind}"` : 'normalizer without a type',
    );
  }
  const step = parsed.data;
  switch (step.type) {
    case 'Sequence': {
      const steps = step.normalizers.map(buildNormalizer);
      return (text) => steps.reduce((acc, fn) => fn(acc), text);
    }
    case 'Precompiled': {
      if (!step.precompiled_charsmap) return (text) => text;
      try {
        const map = parseCharsmap(Buffer.from(step.precompiled_charsmap, 'base64'));
        return (text) => applyCharsmap(map, text);
      } catch (err) {
        if (err instanceof CharsmapError) throw new UnsupportedStepError(err.message);
        throw err;
      }
    }
    case 'Replace': {
      let pattern: RegExp;
      if ('String' in step.pattern) {
        pattern = new RegExp(escapeRegExp(step.pattern.String), 'gu');
      } else {
        try {
          // tokenizers compiles these with Oniguruma; the simple patterns T5
          // ships (" {2,}") mean the same in JavaScript.
          pattern = new RegExp(step.pattern.Regex, 'gu');
        } catch {
          throw new UnsupportedStepError(`Replace pattern /${step.pattern.Regex}/ is not a JavaScript regex`);
        }
      }
      const content = step.content;
      return (text) => text.replace(pattern, () => content);
    }
    case 'Strip': {
      const left = step.strip_left ?? true;
      const right = step.strip_right ?? true;
      return (text) => {
        let out = left ? text.replace(LEADING_SPACE, '') : text;
        if (right) out = out.replace(TRAILING_SPACE, '');
        return out;
      };
    }
    case 'Prepend': {
      const prefix = step.prepend;
      return (text) => (text === '' ? text : prefix + text);
    }
    case 'NFC':
    case 'NFD':
    case 'NFKC':
    case 'NFKD': {
      const form = step.type;
      return (text) => text.normalize(form);
    }
    case 'Lowercase':
      // Per character, as tokenizers does (no final-sigma context rule).
      return (text) => Array.from(text, (ch) => ch.toLowerCase()).join('');
    case 'Nmt':
      return (text) => text.replace(NMT_DROP, '').replace(NMT_SPACE, ' ');
    case 'StripAccents':
      return (text) => text.replace(COMBINING_MARK, '');
  }
}
