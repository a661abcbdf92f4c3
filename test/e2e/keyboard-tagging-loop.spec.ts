import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

/**
 * civitai-tagger's loop, by keyboard alone: type, Enter, →, type. The arrows,
 * Home and End move between images from the empty tag input and leave focus
 * in it; Ctrl+J and Ctrl+Shift+J find the next and previous image without a
 * caption; Ctrl+K toggles Skip. Keys are typed without waiting for the next
 * image to load: nothing typed may be lost or land on the wrong image.
 */
test('five images tagged by keyboard alone', async ({ page, work }, testInfo) => {
  const folder = join(work, 'fruit');
  await makePhotos(folder, 5);
  const server = await serveFolder(folder, work);
  const out = join(folder, 'output');
  const captions = () =>
    Promise.all(['img_001.txt', 'img_002.txt', 'img_003.txt', 'img_004.txt', 'img_005.txt'].map((n) => readFile(join(out, n), 'utf8')));
  const keys = page.keyboard;
  try {
    await page.goto(server.url);
    // from here on, only keys: the welcome screen's button, then the setup's Start (import copies)
    await page.getByTestId('open-served-folder').focus();
    await keys.press('Enter');
    await page.getByTestId('setup-start').focus();
    await keys.press('Enter');
    await expect(page.getByTestId('position')).toHaveText('1 of 5');

    await keys.press('Control+l');
    await keys.type('red apple, studio lighting');
    await keys.press('Enter');
    await keys.press('ArrowRight');
    await keys.type('green pear');
    await keys.press('Enter');
    await keys.press('ArrowRight');
    // image 3 is left out of training
    await keys.press('Control+k');
    await expect(page.getByTestId('image-status')).toHaveAttribute('data-status', 'skip');
    await keys.press('ArrowRight');
    // image 4 is left for later: End goes to the last
    await keys.press('End');
    await expect(page.getByTestId('position')).toHaveText('5 of 5');
    await keys.type('blue sky');
    await keys.press('Enter');
    // back to the one left without a caption (the skipped one is not wanted)
    await keys.press('Control+Shift+j');
    await expect(page.getByTestId('position')).toHaveText('4 of 5');
    await keys.type('yellow lemon');
    await keys.press('Enter');

    // from the first image, Ctrl+J finds none left to caption, and says so
    await keys.press('Home');
    await expect(page.getByTestId('position')).toHaveText('1 of 5');
    await keys.press('Control+j');
    await expect(page.getByTestId('toast')).toContainText('No image without a caption after this one');
    await expect(page.getByTestId('position')).toHaveText('1 of 5');

    // the skipped image after all: unskip it and tag it
    await keys.press('ArrowRight');
    await keys.press('ArrowRight');
    await keys.press('Control+k');
    await keys.type('purple plum');
    await keys.press('Enter');
    await expect(page.getByTestId('position')).toHaveText('3 of 5');
    await expect(page.getByTestId('image-status')).toHaveAttribute('data-status', 'tagged');
    // while the input holds text, ← and End move the caret; emptied, ← goes back
    await keys.type('x');
    await keys.press('ArrowLeft');
    await keys.press('End');
    await expect(page.getByTestId('position')).toHaveText('3 of 5');
    await keys.press('Backspace');
    await keys.press('ArrowLeft');
    await expect(page.getByTestId('position')).toHaveText('2 of 5');

    await expect
      .poll(captions)
      .toEqual(['red apple, studio lighting', 'green pear', 'purple plum', 'yellow lemon', 'blue sky']);

    // ? lists the keys of this loop
    await keys.press('Escape');
    await keys.press('?');
    const overlay = page.getByTestId('shortcuts-overlay');
    await expect(overlay).toBeVisible();
    for (const key of ['Ctrl J', 'Ctrl Shift J', 'Ctrl K', 'Home', 'End']) {
      await expect(overlay.locator('kbd', { hasText: new RegExp(`^${key}$`) })).toHaveCount(1);
    }
    await page.screenshot({ path: testInfo.outputPath('shortcuts-overlay.png') });
    await keys.press('Escape');
    await page.screenshot({ path: testInfo.outputPath('editor.png') });
  } finally {
    await server.stop();
  }
});
