import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captionPath, openInPlace } from './support/open-dataset';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

/**
 * The rough edges of issue 14's point 14, each as a user meets it: Escape
 * after a check or an export, the rename preview's count of examples, a big
 * selection beside the image's own editor, the colour legend, and a T5 button
 * that says what it is for.
 */
test('small things a user meets: Escape after a check, "4 of 34 shown", a selection beside the editor, the legend, the T5 label', async ({
  page,
  work,
}) => {
  const folder = join(work, 'cats');
  const names = await makePhotos(folder, 34);
  // every image has cat, and a few tags of its own: a selection of all has many tags only some have
  for (const [i, name] of names.entries()) {
    const own = Array.from({ length: 4 }, (_, k) => `detail ${i}-${k}`);
    await writeFile(captionPath(folder, name), ['cat', ...own].join(', '));
  }
  const out = join(work, 'out');
  await mkdir(out);
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    await expect(page.getByTestId('position')).toHaveText('1 of 34');

    // the T5 button says what it counts, and for which models
    await expect(page.getByTestId('t5-choose')).toHaveText(/T5 token count \(Flux, SD3\)/);

    // the rename preview says how many of the changes its examples are
    await page.locator('[data-testid="tag-row"][data-tag="cat"] [data-testid="tag-rename"]').click();
    await page.getByTestId('tag-rename-input').fill('kitty');
    await expect(page.getByTestId('batch-preview-count')).toHaveText('34 images will change');
    await expect(page.getByTestId('batch-preview-sample')).toHaveCount(4);
    await expect(page.getByTestId('batch-preview-shown')).toHaveText('4 of 34 shown');
    await page.screenshot({ path: '/tmp/issue14-ui-rename-preview.png' });
    await page.getByTestId('tag-edit-cancel').click();

    // ? shows the shortcuts and what the colours mean
    await page.keyboard.press('?');
    const legend = page.getByTestId('colour-legend');
    await expect(legend).toBeVisible();
    await expect(legend.getByTestId('legend-mark')).toHaveText(['tagged', 'not tagged yet', 'skipped', 'changed on disk: needs a decision']);
    await expect(legend.getByTestId('legend-category')).toHaveCount(5);
    await legend.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/issue14-ui-legend.png' });
    await page.keyboard.press('Escape');
    await expect(legend).toBeHidden();

    // a selection of every image keeps the image's own tag input on screen, on a small screen too
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.keyboard.press('Control+a');
    await expect(page.getByTestId('selection-summary')).toBeVisible();
    await expect(page.getByTestId('selection-partial-tag').first()).toBeVisible();
    const input = (await page.getByTestId('tag-input').boundingBox())!;
    expect(input.y + input.height).toBeLessThanOrEqual(700);
    await page.screenshot({ path: '/tmp/issue14-ui-selection.png' });
    await page.setViewportSize({ width: 1400, height: 900 });

    // Escape closes the export dialog once a check has finished, and once an export has
    await page.keyboard.press('Control+e');
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('export-target-civitai').click();
    await page.getByTestId('export-out-path').fill(join(out, 'cats.zip'));
    await page.getByTestId('export-check').click();
    await expect(page.getByTestId('export-report-title')).toContainText('34 images to export');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.keyboard.press('Control+e');
    await expect(dialog).toBeVisible();
    await page.getByTestId('export-target-civitai').click();
    await page.getByTestId('export-out-path').fill(join(out, 'cats.zip'));
    await page.getByTestId('export-check').click();
    await expect(page.getByTestId('export-report-title')).toContainText('34 images to export');
    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-summary')).toContainText('Exported 34 images');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  } finally {
    await server.stop();
  }
});
