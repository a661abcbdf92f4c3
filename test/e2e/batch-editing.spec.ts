import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

/**
 * Dataset-wide editing in the real renderer over the real core: filter, select
 * five images, add a tag to them, rename a tag across the dataset, undo twice,
 * and after every step read the caption files' exact bytes.
 */
const CAT = 'cat, outdoors, blue sky';
const DOG = 'dog, indoors';

test('filter, select five, add a tag, rename a tag everywhere, undo twice', async ({ page, work }, testInfo) => {
  const folder = join(work, 'pets');
  const names = await makePhotos(folder, 12);
  const captionOf = (i: number) => join(folder, names[i - 1]!.replace(/\.\w+$/, '.txt'));
  for (let i = 1; i <= 12; i++) await writeFile(captionOf(i), i <= 6 ? CAT : DOG);

  /** every caption file as it is on disk now, photo-1 first */
  const captions = () => Promise.all(names.map((_, i) => readFile(captionOf(i + 1), 'utf8')));
  const expected = (cat: string, dog = DOG, firstFive = cat) =>
    names.map((_, i) => (i < 5 ? firstFive : i < 6 ? cat : dog));

  const server = await serveFolder(folder, work);
  try {
    await page.goto(server.url);
    await page.getByTestId('open-served-folder').click();
    await expect(page.getByTestId('setup-screen')).toBeVisible();
    await page.getByTestId('mode-in-place').click();
    await page.getByTestId('setup-start').click();
    await expect(page.getByTestId('tagging-screen')).toBeVisible();
    await expect(page.getByTestId('position')).toHaveText('1 of 12');

    // a bad query is marked where it goes wrong and breaks nothing
    await page.getByTestId('filter-input').fill('tag:cat AND (');
    await expect(page.getByTestId('filter-error')).toBeVisible();
    await expect(page.getByTestId('filter-error-mark')).toBeVisible();

    // filter: the six cats, counted, and the arrows walk only them
    await page.getByTestId('filter-input').fill('tag:cat');
    await expect(page.getByTestId('filter-count')).toHaveText('6 of 12 images');
    await expect(page.getByTestId('position')).toHaveText('1 of 6 filtered');

    // select five: a click on the first, Shift+click on the fifth
    const cells = page.getByTestId('strip-cell');
    await expect(cells).toHaveCount(6);
    await cells.nth(0).click();
    await cells.nth(4).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '5');

    // add a tag to the five, after a preview
    await page.getByTestId('tab-batch').click();
    const batch = page.getByTestId('batch-panel');
    await expect(batch.getByTestId('batch-target-selected')).toBeChecked();
    await batch.getByTestId('batch-op').selectOption('add');
    await batch.getByTestId('batch-tags').fill('smiling');
    await expect(batch.getByTestId('batch-preview-count')).toHaveText('5 images will change');
    await batch.getByTestId('batch-apply').click();
    await expect(batch.getByTestId('batch-result')).toHaveText('Changed 5 images');
    await expect.poll(captions).toEqual(expected(CAT, DOG, `${CAT}, smiling`));

    // rename a tag across the whole dataset, after a preview and a confirmation
    await page.getByTestId('filter-clear').click();
    await expect(page.getByTestId('filter-count')).toHaveText('12 images');
    await page.getByTestId('master-filter').fill('outdoors');
    const row = page.locator('[data-testid="tag-row"][data-tag="outdoors"]');
    await row.hover();
    await row.getByTestId('tag-rename').click();
    const dialog = page.getByTestId('tag-edit-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('tag-rename-input').fill('outside');
    await expect(dialog.getByTestId('batch-preview-count')).toHaveText('6 images will change');
    await dialog.getByTestId('tag-edit-confirm').click();
    await expect(page.getByTestId('tag-edit-dialog')).toBeHidden();
    const renamed = 'cat, outside, blue sky';
    await expect.poll(captions).toEqual(expected(renamed, DOG, `${renamed}, smiling`));
    await page.screenshot({ path: testInfo.outputPath('after-rename.png'), fullPage: true });

    // undo twice: Ctrl+Z outside any text field, then the toolbar button
    await expect(page.getByTestId('undo-button')).toHaveAttribute('title', /^Undo: /);
    await page.getByTestId('tab-image').click();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+z');
    await expect.poll(captions).toEqual(expected(CAT, DOG, `${CAT}, smiling`));
    await page.getByTestId('undo-button').click();
    await expect.poll(captions).toEqual(expected(CAT));
    await expect(page.getByTestId('redo-button')).toBeEnabled();
  } finally {
    await server.stop();
  }
});
