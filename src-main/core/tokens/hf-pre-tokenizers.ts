import { z } from 'zod';
import { UnsupportedStepError } from './hf-normalizers';

/**
 * The `pre_tokenizer` section of a tokenizer.json: how normalized text is cut
 * into the pieces the Unigram model segments one by one. T5 files use either
 * Metaspace alone (newer exports) or WhitespaceSplit then Metaspace (older).
 */

/** A piece of text and whether it begins at the very start of the input. */
export interface Piece {
  text: string;
  atStart: boolean;
}

export type PreTokenize = (pieces: Piece[]) => Piece[];

const stepSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Sequence'), pretokenizers: z.array(z.unknown()) }),
  z.object({ type: z.literal('WhitespaceSplit') }),
  z.object({
    type: z.literal('Metaspace'),
    replacement: z.string().refine((s) => Array.from(s).length === 1, 'replacement must be one character'),
    // Older files say add_prefix_space, newer ones prepend_scheme.
    add_prefix_space: z.boolean().optional(),
    prepend_scheme: z.enum(['always', 'first', 'never']).optional(),
    split: z.boolean().optional(),
  }),
]);

const WHITESPACE_RUN = /\p{White_Space}+/u;

export function buildPreTokenizer(config: unknown): PreTokenize {
  if (config === null || config === undefined) return (pieces) => pieces;
  const kind = (config as { type?: unknown }).type;
  const parsed = stepSchema.safeParse(config);
  if (!parsed.success) {
    throw new UnsupportedStepError(
      typeof kind === 'string' ? `unsupported or malformed pre_tokenizer "${kind}"` : 'pre_tokenizer without a type',
    );
  }
  const step = parsed.data;
  switch (step.type) {
    case 'Sequence': {
      const steps = step.pretokenizers.map(buildPreTokenizer);
      return (pieces) => steps.reduce((acc, fn) => fn(acc), pieces);
    }
    case 'WhitespaceSplit':
      return (pieces) => pieces.flatMap(splitOnWhitespace);
    case 'Metaspace': {
      const scheme = step.prepend_scheme ?? (step.add_prefix_space === false ? 'never' : 'always');
      const meta = step.replacement;
      const split = step.split ?? true;
      return (pieces) =>
        pieces.flatMap((piece) => {
          let text = piece.text.replaceAll(' ', meta);
          // "first" only prefixes the piece that starts the input, so text
          // after a special token is not given a leading ▁.
          const prepend = scheme === 'always' || (scheme === 'first' && piece.atStart);
          if (prepend && text !== '' && !text.startsWith(meta)) text = meta + text;
          return split ? splitBeforeMeta(text, meta, piece.atStart) : [{ text, atStart: piece.atStart }];
        });
    }
  }
}

function splitOnWhitespace(piece: Piece): Piece[] {
  const out: Piece[] = [];
  const words = piece.text.split(WHITESPACE_RUN);
  words.forEach((word, i) => {
    if (word !== '') out.push({ text: word, atStart: piece.atStart && i === 0 });
  });
  return out;
}

/** Cuts before every ▁, keeping it at the front of the piece that follows. */
function splitBeforeMeta(text: string, meta: string, atStart: boolean): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  for (let at = text.indexOf(meta, 1); at > 0; at = text.indexOf(meta, at + meta.length)) {
    out.push({ text: text.slice(from, at), atStart: atStart && from === 0 });
    from = at;
  }
  if (from < text.length) out.push({ text: text.slice(from), atStart: atStart && from === 0 });
  return out;
}
