import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captionPath, openInPlace } from './support/open-dataset';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

/**
 * civitai-tagger's master list: a click on a tag's name puts it on the image
 * on screen or takes it off. Showing the images that have it is the row's
 * second action: its own labelled button, or Alt+click on the name.
 */
test('a tag name in the list toggles it on the image; its filter is a button or Alt+click', async ({ page, work }, testInfo) => {
  const folder = join(work, 'pets');
  const names = await makePhotos(folder, 3);
  const captions = names.map((name) => captionPath(folder, name));
  await writeFile(captions[0]!, 'cat, dog');
  await writeFile(captions[1]!, 'cat');
  await writeFile(captions[2]!, '');
  const onDisk = () => Promise.all(captions.map((c) => readFile(c, 'utf8')));
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    await expect(page.getByTestId('position')).toHaveText('1 of 3');
    const name = (tag: string) => page.locator(`[data-testid="tag-row"][data-tag="${tag}"] .tag-row-name`);

    // the name takes the tag off the image on screen, and puts it back (at the end)
    await name('cat').click();
    await expect.poll(onDisk).toEqual(['dog', 'cat', '']);
    await name('cat').click();
    await expect.poll(onDisk).toEqual(['dog, cat', 'cat', '']);
    await expect(page.getByTestId('position')).toHaveText('1 of 3');

    // on the third image, which has none, it adds
    await page.getByTestId('next-image').click();
    await page.getByTestId('next-image').click();
    await expect(page.getByTestId('position')).toHaveText('3 of 3');
    await name('dog').click();
    await expect.poll(onDisk).toEqual(['dog, cat', 'cat', 'dog']);

    // Alt+click filters by the tag instead, and changes no caption
    await name('cat').click({ modifiers: ['Alt'] });
    await expect(page.getByTestId('position')).toHaveText('1 of 2 filtered');
    expect(await onDisk()).toEqual(['dog, cat', 'cat', 'dog']);

    // the row's labelled filter button does the same; pressed again it shows every image
    const filterDog = page.getByRole('button', { name: 'Show only the images tagged dog' });
    await filterDog.click();
    await expect(page.getByTestId('position')).toHaveText('1 of 2 filtered');
    await expect(filterDog).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: testInfo.outputPath('tag-list-filtering.png') });
    await filterDog.click();
    await expect(page.getByTestId('position')).toHaveText('1 of 3');
    expect(await onDisk()).toEqual(['dog, cat', 'cat', 'dog']);
  } finally {
    await server.stop();
  }
});
