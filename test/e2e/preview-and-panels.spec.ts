import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { formatBytes } from '../../src-renderer/features/preview/format-bytes';
import { captionPath, openInPlace } from './support/open-dataset';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

const widthOf = async (locator: import('@playwright/test').Locator) => (await locator.boundingBox())?.width ?? 0;

/**
 * What a user wants to see of the image on screen: its size in pixels and on
 * disk, the picture at 1:1 to judge detail, and side columns they can resize
 * and hide, remembered, on a 1024×700 screen too.
 */
test('the preview shows its sizes and zooms to 1:1; the side columns resize, hide and are remembered', async ({ page, work }) => {
  const folder = join(work, 'wallpapers');
  await makePhotos(folder, 2);
  const big = join(folder, 'a-wallpaper.png');
  await sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 40, g: 90, b: 160 } } }).png().toFile(big);
  await writeFile(captionPath(folder, 'a-wallpaper.png'), 'sky, blue');
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    await expect(page.getByTestId('image-name')).toHaveText('a-wallpaper.png');

    // its size in pixels and in bytes, under the preview
    const bytes = (await stat(big)).size;
    await expect(page.getByTestId('image-facts')).toHaveText(`2400 × 1600 px · ${formatBytes(bytes)}`);

    // Z shows it at 1:1: the full image, wider than the frame, which scrolls
    await expect(page.getByTestId('current-image')).toBeVisible();
    await page.keyboard.press('z');
    const full = page.getByTestId('current-image-full');
    await expect(full).toBeVisible();
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2400);
    expect(await widthOf(full)).toBe(2400);
    const zoomBox = page.getByTestId('image-zoom');
    const scroll = () => zoomBox.evaluate((el) => [el.scrollLeft, el.scrollTop]);
    expect(await scroll()).toEqual([0, 0]);
    // dragging pans, and stays at 1:1
    const box = (await zoomBox.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 300, box.y + box.height / 2 - 120, { steps: 5 });
    await page.mouse.up();
    expect(await scroll()).toEqual([300, 120]);
    await expect(full).toBeVisible();
    await page.screenshot({ path: '/tmp/issue14-ui-zoom.png' });
    // a click without dragging goes back to fit; a click on the fitted picture zooms again
    await zoomBox.click();
    await expect(page.getByTestId('current-image')).toBeVisible();
    await page.getByTestId('current-image').click();
    await expect(full).toBeVisible();
    await page.keyboard.press('z');
    await expect(page.getByTestId('current-image')).toBeVisible();

    // the caption column widens as its splitter is dragged left
    const editor = page.locator('.editor-column');
    const before = await widthOf(editor);
    const splitter = (await page.getByTestId('splitter-editor').boundingBox())!;
    await page.mouse.move(splitter.x + splitter.width / 2, splitter.y + 40);
    await page.mouse.down();
    await page.mouse.move(splitter.x + splitter.width / 2 - 100, splitter.y + 40, { steps: 5 });
    await page.mouse.up();
    expect(await widthOf(editor)).toBe(before + 100);

    // the tag list hides, and its room goes to the image
    const image = page.locator('.image-view');
    const imageBefore = await widthOf(image);
    await page.getByRole('button', { name: 'Hide the tag list' }).click();
    await expect(page.getByTestId('tags-panel')).toBeHidden();
    expect(await widthOf(image)).toBeGreaterThan(imageBefore + 200);

    // both are remembered across a reload
    await page.reload();
    await expect(page.getByTestId('tagging-screen')).toBeVisible();
    await expect(page.getByTestId('tags-panel')).toBeHidden();
    expect(await widthOf(editor)).toBe(before + 100);
    await page.getByRole('button', { name: 'Show the tag list' }).click();
    await expect(page.getByTestId('tags-panel')).toBeVisible();
    await page.screenshot({ path: '/tmp/issue14-ui-panels.png' });

    // on a 1024×700 screen every part is still on screen and usable
    await page.setViewportSize({ width: 1024, height: 700 });
    for (const part of ['current-image', 'tag-input', 'tags-panel', 'image-facts']) {
      const r = (await page.getByTestId(part).boundingBox())!;
      expect(r.width, part).toBeGreaterThan(0);
      expect(r.x + r.width, part).toBeLessThanOrEqual(1024);
      expect(r.y + r.height, part).toBeLessThanOrEqual(700);
    }
    expect(await widthOf(page.getByTestId('current-image'))).toBeGreaterThan(250);
    await page.getByTestId('tag-input').fill('cloud');
    await page.getByTestId('tag-input').press('Enter');
    await expect(page.locator('[data-testid="tag-chip"][data-tag="cloud"]')).toBeVisible();
    await page.getByTestId('tag-input').press('Escape');
    await page.screenshot({ path: '/tmp/issue14-ui-1024x700.png' });
  } finally {
    await server.stop();
  }
});
