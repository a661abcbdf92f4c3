import type { Handler } from '../handler';

/** the lists the user imported; the shipped Danbooru list is always there and not listed */
export const vocabLists: Handler<'vocab.lists'> = (_args, { workspace }) => ({ lists: workspace.vocabulary.lists() });
