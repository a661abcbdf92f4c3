import { indexImage, type IndexedImage, type QueryImage } from '../../../../src-main/core/query';

/** A small fixed dataset: varied tags, captions, names, paths, statuses. */
const tagged = (name: string, path: string, tags: string[], status: QueryImage['status'] = 'tagged'): QueryImage => ({
  name,
  path,
  caption: tags.join(', '),
  tags,
  status,
});

const many = Array.from({ length: 21 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);

export const images: QueryImage[] = [
  tagged('img_001.png', 'portraits/img_001.png', ['mychar', '1girl', 'long hair', 'smile', 'blue eyes']),
  tagged('img_002.png', 'portraits/img_002.png', ['mychar', '1girl', 'short hair', 'Red Eyes', 'hat']),
  tagged('img_003.jpg', 'portraits/img_003.jpg', [], 'todo'),
  tagged('beach_day.jpg', 'outdoor/summer/beach_day.jpg', ['mychar', 'outdoors', 'beach', 'long hair', 'swimsuit']),
  tagged('Beach_Night.JPG', 'outdoor/summer/Beach_Night.JPG', ['mychar', 'night', 'beach', 'Long Hair']),
  tagged('forest.webp', 'outdoor/forest.webp', ['outdoors', 'tree', 'no humans']),
  tagged('blurry.png', 'rejects/blurry.png', ['blurry', 'mychar'], 'skip'),
  {
    // a natural-language caption: one long "tag"
    name: 'sketch.png',
    path: 'sketches/sketch.png',
    caption: 'A pencil sketch of a girl with long hair',
    tags: ['A pencil sketch of a girl with long hair'],
    status: 'tagged',
  },
  tagged('score.png', 'pony/score.png', ['score_9', 'score_8_up', 'rating:explicit', '1girl']),
  tagged('many.png', 'misc/many.png', many),
  tagged('emoji_😀.png', 'misc/emoji_😀.png', ['😀', 'smile', 'what?']),
  tagged('img_010.png', 'todo/img_010.png', [], 'todo'),
  tagged('dup.png', 'misc/dup.png', ['hat', 'hat', 'Hat']),
  tagged('weird (1).png', 'misc/weird (1).png', ['(masterpiece:1.2)', 'x-ray', 'AND']),
];

export const indexed: IndexedImage[] = images.map(indexImage);
export const allNames = images.map((img) => img.name);
