import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError, describeFsError } from '../app-error';
import { buildNormalizer, UnsupportedStepError, type Normalize } from './hf-normalizers';
import { buildPreTokenizer, type PreTokenize } from './hf-pre-tokenizers';
import { buildUnigramModel, type UnigramModel } from './unigram-model';

/**
 * Token counts for Flux's second text encoder, T5-XXL, from the
 * tokenizer.json the user points at (Hugging Face format, Unigram model; the
 * file is ~2 MB and not ours to ship). Runs the file's own pipeline: added
 * tokens, normalizer (T5's precompiled NFKC charsmap and whitespace rules),
 * pre-tokenizer (Metaspace: spaces become ▁, a ▁ before the first word) and
 * Viterbi over the vocabulary's scores.
 *
 * Approximations: added tokens are matched in the raw text whether or not
 * they are flagged `normalized`, and their lstrip/rstrip/single_word flags
 * are ignored; Replace regexes run as JavaScript regexes. None of this
 * changes the count of an ordinary caption.
 */

/**
 * Flux-dev pads and cuts T5 input at 512 tokens (schnell at 256), and the
 * closing `</s>` is one of them: a caption fits while count(text) + 1 <= 512.
 */
export const T5_TOKEN_LIMIT = 512;

export interface T5Tokenizer {
  /** Ids of `text`, without the `</s>` the post-processor appends. */
  encode(text: string): number[];
  /** Tokens of `text`, excluding the closing `</s>`. */
  count(text: string): number;
}

const addedTokenSchema = z.object({ id: z.number().int().nonnegative(), content: z.string().min(1) });

const fileSchema = z.object({
  added_tokens: z.array(addedTokenSchema).nullish(),
  normalizer: z.unknown().optional(),
  pre_tokenizer: z.unknown().optional(),
  model: z.looseObject({ type: z.string() }),
});

const unigramSchema = z.object({
  type: z.literal('Unigram'),
  unk_id: z.number().int().nonnegative(),
  vocab: z.array(z.tuple([z.string(), z.number()])).min(1),
  byte_fallback: z.boolean().optional(),
});

function invalid(path: string, why: string): AppError {
  return new AppError('invalid-input', `${path} is not a usable T5 tokenizer.json: ${why}`);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

export async function loadT5Tokenizer(path: string): Promise<T5Tokenizer> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    throw describeFsError(err, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw invalid(path, `not JSON (${(err as Error).message})`);
  }
  const file = fileSchema.safeParse(json);
  if (!file.success) throw invalid(path, firstIssue(file.error));
  if (file.data.model.type !== 'Unigram') {
    throw invalid(path, `its model is "${file.data.model.type}", not "Unigram" (T5 and other SentencePiece models)`);
  }
  const model = unigramSchema.safeParse(file.data.model);
  if (!model.success) throw invalid(path, `model.${firstIssue(model.error)}`);
  if (model.data.unk_id >= model.data.vocab.length) {
    throw invalid(path, `model.unk_id ${model.data.unk_id} is outside the ${model.data.vocab.length}-piece vocabulary`);
  }

  let normalize: Normalize;
  let preTokenize: PreTokenize;
  try {
    normalize = buildNormalizer(file.data.normalizer);
    preTokenize = buildPreTokenizer(file.data.pre_tokenizer);
  } catch (err) {
    if (err instanceof UnsupportedStepError) throw invalid(path, err.message);
    throw err;
  }
  const unigram = buildUnigramModel(model.data.vocab, model.data.unk_id, model.data.byte_fallback ?? false);
  return makeTokenizer(file.data.added_tokens ?? [], normalize, preTokenize, unigram);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function makeTokenizer(
  added: ReadonlyArray<{ id: number; content: string }>,
  normalize: Normalize,
  preTokenize: PreTokenize,
  unigram: UnigramModel,
): T5Tokenizer {
  const addedIds = new Map(added.map((t) => [t.content, t.id] as const));
  // Longest first, so the leftmost match is also the longest one there.
  const contents = [...addedIds.keys()].sort((a, b) => b.length - a.length);
  const addedSplit = contents.length > 0 ? new RegExp(`(${contents.map(escapeRegExp).join('|')})`, 'u') : null;

  function encode(text: string): number[] {
    const out: number[] = [];
    const parts = addedSplit ? text.split(addedSplit) : [text];
    let offset = 0;
    // split() with a capture group alternates: text, added token, text, ...
    parts.forEach((part, i) => {
      const atStart = offset === 0;
      offset += part.length;
      if (i % 2 === 1) {
        out.push(addedIds.get(part)!);
        return;
      }
      const normalized = normalize(part);
      if (normalized === '') return;
      for (const piece of preTokenize([{ text: normalized, atStart }])) {
        for (const id of unigram.tokenize(piece.text)) out.push(id);
      }
    });
    return out;
  }

  return { encode, count: (text) => encode(text).length };
}
