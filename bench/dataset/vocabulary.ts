import { intBetween, seededRandom, type Random } from './prng';

export const VOCABULARY_SIZE = 2000;

const ADJECTIVES = [
  'long', 'short', 'blue', 'red', 'green', 'black', 'white', 'blonde', 'brown', 'silver', 'pink', 'purple',
  'orange', 'yellow', 'grey', 'dark', 'bright', 'open', 'closed', 'large', 'small', 'wet', 'messy', 'curly',
  'straight', 'wavy', 'striped', 'plaid', 'floral', 'sleeveless', 'hooded', 'frilled', 'torn', 'shiny',
  'outdoor', 'indoor', 'night', 'sunset', 'cloudy', 'snowy', 'rainy', 'glowing', 'holding', 'looking',
  'smiling', 'sitting', 'standing', 'walking', 'running', 'lying', 'from', 'upper', 'full', 'side', 'back',
  'multiple', 'single', 'double', 'twin', 'high',
];

const NOUNS = [
  'hair', 'eyes', 'dress', 'shirt', 'skirt', 'jacket', 'hat', 'gloves', 'boots', 'ribbon', 'bow', 'scarf',
  'background', 'sky', 'forest', 'city', 'beach', 'room', 'window', 'flowers', 'tree', 'water', 'mountain',
  'street', 'lights', 'clouds', 'moon', 'sun', 'stars', 'umbrella', 'sword', 'book', 'cup', 'phone', 'bag',
  'glasses', 'earrings', 'necklace', 'bracelet', 'choker', 'ponytail', 'braid', 'bangs', 'mouth', 'hands',
  'legs', 'arms', 'shoulders', 'body', 'view', 'shot', 'focus', 'lighting', 'shadow', 'reflection',
  'portrait', 'landscape', 'sketch', 'painting', 'photo',
];

const SINGLES = [
  '1girl', '1boy', 'solo', 'masterpiece', 'best quality', 'highres', 'absurdres', 'detailed', 'realistic',
  'monochrome', 'greyscale', 'chibi', 'blush', 'smile', 'grin', 'tears', 'sweat', 'petals', 'bokeh',
  'depth of field', '(masterpiece:1.2)', 'cowboy shot', 'upper body', 'close-up', 'wide shot',
];

/**
 * 2,000 tags in the shapes real captions have: WD14-style pairs ("long hair",
 * "blue_eyes"), single words, a weight in brackets. Deterministic for a seed.
 */
export function makeVocabulary(seed: number, size = VOCABULARY_SIZE): string[] {
  const random = seededRandom(seed);
  const seen = new Set<string>(SINGLES);
  const tags = [...SINGLES];
  while (tags.length < size) {
    const adjective = ADJECTIVES[Math.floor(random() * ADJECTIVES.length)]!;
    const noun = NOUNS[Math.floor(random() * NOUNS.length)]!;
    let tag = random() < 0.2 ? `${adjective}_${noun}` : `${adjective} ${noun}`;
    if (seen.has(tag)) tag = `${tag} ${intBetween(random, 2, 99)}`;
    if (seen.has(tag)) continue;
    seen.add(tag);
    tags.push(tag);
  }
  return tags;
}

/**
 * 20 to 40 distinct tags, drawn with a Zipf-like bias so a few tags are on
 * most images and most tags on few, as in a real dataset.
 */
export function drawCaption(vocabulary: readonly string[], random: Random): string[] {
  const count = intBetween(random, 20, 40);
  const picked = new Set<number>();
  while (picked.size < count) {
    // u^3 puts most of the mass on the first tags of the list
    picked.add(Math.floor(random() ** 3 * vocabulary.length));
  }
  return [...picked].map((i) => vocabulary[i]!);
}
