import { clipTokenizer } from '../../core/tokens/clip-instance';
import { CLIP_TOKEN_LIMIT } from '../../core/tokens/clip-tokenizer';
import { T5_TOKEN_LIMIT } from '../../core/tokens/t5-tokenizer';
import type { Handler } from '../handler';

export const tokensCount: Handler<'tokens.count'> = async ({ text }, { workspace }) => {
  const t5 = await workspace.t5.tokenizer();
  return {
    clip: clipTokenizer().count(text),
    clipLimit: CLIP_TOKEN_LIMIT,
    t5: t5 ? t5.count(text) : null,
    t5Limit: T5_TOKEN_LIMIT,
  };
};
