import { clipVocabPath, loadClipTokenizer, type ClipTokenizer } from './clip-tokenizer';

let instance: ClipTokenizer | null = null;

/**
 * The app's one CLIP tokenizer, loaded on first use (a fifth of a second to
 * read 49,000 merges), then shared by the token counter and the export check.
 */
export function clipTokenizer(): ClipTokenizer {
  instance ??= loadClipTokenizer(clipVocabPath());
  return instance;
}
