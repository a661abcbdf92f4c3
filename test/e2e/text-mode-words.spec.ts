import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captionPath, openInPlace } from './support/open-dataset';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

const SENTENCES = [
  'A young woman with long red hair stands in a field of sunflowers at sunset, smiling at the camera.',
  'A woman with red hair reads a book in a quiet library, lit by a window.',
  'Two cats sleep on a wooden table beside a window, in soft morning light.',
  'An old man walks his dog along a beach at sunset, the sea calm behind him.',
];

/**
 * Captions written as sentences: the right-hand column lists the words and
 * phrases the captions use most, not one row per comma-separated fragment, and
 * a click on one shows the images whose caption has it.
 */
test('a text-mode dataset lists its frequent words, and a word filters the images', async ({ page, work }) => {
  const folder = join(work, 'prose');
  const names = await makePhotos(folder, SENTENCES.length);
  for (const [i, name] of names.entries()) await writeFile(captionPath(folder, name), SENTENCES[i]!);
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    await expect(page.getByTestId('position')).toHaveText('1 of 4');

    const panel = page.getByTestId('words-panel');
    await expect(panel).toBeVisible();
    const row = (phrase: string) => page.locator(`[data-testid="word-row"][data-phrase="${phrase}"]`);
    // the words used most come first, with how often; stop words and one-off phrases are not listed
    await expect(row('red hair')).toContainText('2');
    await expect(row('sunset')).toContainText('2');
    await expect(row('window')).toContainText('2');
    await expect(row('the')).toHaveCount(0);
    await expect(row('with')).toHaveCount(0);
    await expect(row('quiet library')).toHaveCount(0);
    // no sentence fragments
    await expect(page.locator('[data-testid="word-row"][data-phrase*=","]')).toHaveCount(0);
    await page.screenshot({ path: '/tmp/issue14-ui-text-words.png' });

    // a click filters by it; a second click shows every image again
    await row('red hair').click();
    await expect(page.getByTestId('position')).toHaveText('1 of 2 filtered');
    await expect(row('red hair')).toHaveAttribute('aria-pressed', 'true');
    await row('red hair').click();
    await expect(page.getByTestId('position')).toHaveText('1 of 4');

    // the fragments are still a click away, as tags
    await page.getByTestId('show-fragments').click();
    await expect(page.getByTestId('tags-panel')).toBeVisible();
    await page.getByTestId('show-words').click();
    await expect(panel).toBeVisible();
  } finally {
    await server.stop();
  }
});

test('a comma-list dataset keeps its tag list', async ({ page, work }) => {
  const folder = join(work, 'tags');
  const names = await makePhotos(folder, 2);
  await writeFile(captionPath(folder, names[0]!), '1girl, red hair, smile');
  await writeFile(captionPath(folder, names[1]!), '1boy, red hair');
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    await expect(page.locator('[data-testid="tag-row"][data-tag="red hair"]')).toBeVisible();
    await expect(page.getByTestId('words-panel')).toHaveCount(0);
  } finally {
    await server.stop();
  }
});
