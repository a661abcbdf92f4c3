import type { TagCountMap } from '../../logic/tag-counts';

/**
 * Words that say nothing about an image: left out of the frequent words, and
 * a two-word phrase is kept only when neither of its words is one of these.
 */
const STOP_WORDS = new Set(
  (
    'a an the and or but nor so yet of in on at to from by for with without into onto over under above below ' +
    'up down out off about against between through during before after behind beside near around along across ' +
    'is are was were be been being am has have had having do does did this that these those there here it its ' +
    "it's they them their theirs he him his she her hers we us our you your i me my mine as than then too very " +
    'can could will would should may might must shall not no some any each every all both either neither one ' +
    'other another such what which who whom whose where when while how why if also just only own same more most ' +
    'much many few less least while whilst onto upon within via per its itself themselves herself himself'
  ).split(/\s+/),
);

export interface WordCount {
  phrase: string;
  count: number;
}

/** lower-cased words of a caption fragment, without the punctuation around them */
function wordsOf(fragment: string): string[] {
  return fragment
    .toLowerCase()
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((w) => w.length > 0);
}

const meaningful = (word: string) => word.length > 1 && !STOP_WORDS.has(word) && !/^\d+$/.test(word);

/**
 * What the tags panel shows for captions written as sentences: the words and
 * two-word phrases used most, from the dataset's fragment counts (a sentence
 * split at its commas), each counted once per fragment that uses it. A phrase
 * is listed only when it comes back at least twice. Most used first; ties
 * A–Z; at most `limit` of them.
 */
export function frequentWords(fragments: TagCountMap, limit = 400): WordCount[] {
  const counts = new Map<string, number>();
  const add = (phrase: string, n: number) => counts.set(phrase, (counts.get(phrase) ?? 0) + n);
  for (const [fragment, n] of fragments) {
    const words = wordsOf(fragment);
    const seen = new Set<string>();
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (!meaningful(word)) continue;
      seen.add(word);
      const next = words[i + 1];
      if (next !== undefined && meaningful(next)) seen.add(`${word} ${next}`);
    }
    for (const phrase of seen) add(phrase, n);
  }
  return [...counts]
    .filter(([phrase, count]) => !phrase.includes(' ') || count >= 2)
    .map(([phrase, count]) => ({ phrase, count }))
    .sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase))
    .slice(0, limit);
}
