import type { Handler } from '../handler';

export const vocabRemove: Handler<'vocab.remove'> = async ({ source }, { workspace }) => {
  await workspace.vocabulary.remove(source);
  return {};
};
