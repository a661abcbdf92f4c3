import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { captionName, imageName, type DatasetSpec } from './dataset-spec';
import { writeJpeg } from './paint-image';
import { itemSeed, seededRandom } from './prng';
import { drawCaption, makeVocabulary } from './vocabulary';

/**
 * One of the bench's generator processes: makes every `stride`-th image of
 * the set, starting at `first`. A separate process, not a worker thread, so
 * the bench's own process (the one measured) never holds these pixels.
 * An image whose caption exists is done: captions are written last, so an
 * interrupted run resumes where it stopped.
 */
sharp.concurrency(1);
sharp.cache(false);

async function main(): Promise<void> {
  const [dir, specJson, firstArg, strideArg] = process.argv.slice(2);
  const spec = JSON.parse(specJson!) as DatasetSpec;
  const first = Number(firstArg);
  const stride = Number(strideArg);
  const vocabulary = makeVocabulary(spec.seed);
  let made = 0;
  for (let i = first; i < spec.images; i += stride) {
    const name = imageName(i, spec.images);
    const caption = join(dir!, captionName(name));
    if (!existsSync(caption)) {
      const random = seededRandom(itemSeed(spec.seed, i));
      const tags = drawCaption(vocabulary, random);
      const temp = join(dir!, `.${name}.tmp`);
      await writeJpeg(temp, spec.width, spec.height, random, spec.quality);
      await rename(temp, join(dir!, name));
      await writeFile(caption, tags.join(', '));
    }
    if (++made % 50 === 0) process.send?.({ made: 50 });
  }
  process.send?.({ made: made % 50 });
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
