import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

/**
 * civitai-tagger's workflow in the real renderer over the real core, in
 * Chromium: open a folder of 20 images, import, tag three images by keyboard
 * and mouse, reload, and come back to the same image with the files right.
 */
test('import, tag three images by keyboard and mouse, reload and resume', async ({ page, work }, testInfo) => {
  const folder = join(work, 'fruit');
  await makePhotos(folder, 20);
  const server = await serveFolder(folder, work);
  try {
    await page.goto(server.url);
    await expect(page.getByTestId('welcome-screen')).toBeVisible();
    await page.getByTestId('open-served-folder').click();

    await expect(page.getByTestId('setup-screen')).toBeVisible();
    await expect(page.getByTestId('setup-summary')).toContainText('20 images');
    await page.getByTestId('mode-import').click();
    await page.getByTestId('setup-start').click();

    await expect(page.getByTestId('tagging-screen')).toBeVisible();
    await expect(page.getByTestId('position')).toHaveText('1 of 20');

    // image 1, by keyboard: Ctrl+L, then a comma list and a single tag
    await page.keyboard.press('Control+l');
    await page.keyboard.type('red apple, studio lighting');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tag-chip')).toHaveCount(2);
    // a duplicate is refused with a note
    await page.keyboard.type('red apple');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('duplicate-note')).toBeVisible();
    await expect(page.getByTestId('tag-chip')).toHaveCount(2);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // image 2, moving with the arrow key; Unicode and brackets kept as typed
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('position')).toHaveText('2 of 20');
    await page.keyboard.press('Control+l');
    await page.keyboard.type('Green_Pear (ripe:1.2), 🍐');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tag-chip')).toHaveCount(2);
    await page.keyboard.press('Escape');

    // image 3, by mouse: the next button, then a tag from the master list, then one typed and clicked in
    await page.getByTestId('next-image').click();
    await expect(page.getByTestId('position')).toHaveText('3 of 20');
    await page.locator('[data-testid="master-tag"][data-tag="studio lighting"]').click();
    await page.getByTestId('tag-input').click();
    await page.getByTestId('tag-input').fill('wooden table');
    await page.getByTestId('tag-input').press('Enter');
    await expect(page.locator('[data-testid="tag-chip"]')).toHaveCount(2);
    await expect(page.getByTestId('percent')).toContainText('15%');

    await page.getByTestId('tag-input').press('Escape');
    await page.screenshot({ path: testInfo.outputPath('tagging-screen.png'), fullPage: true });
    await testInfo.attach('tagging-screen', { path: testInfo.outputPath('tagging-screen.png'), contentType: 'image/png' });

    // reload: back on image 3 with its tags
    await page.reload();
    await expect(page.getByTestId('tagging-screen')).toBeVisible();
    await expect(page.getByTestId('position')).toHaveText('3 of 20');
    await expect(page.locator('[data-testid="tag-chip"]')).toHaveText([/studio lighting/, /wooden table/]);

    const out = join(folder, 'output');
    expect(await readFile(join(out, 'img_001.png'), 'utf8').then(() => true)).toBe(true);
    expect(await readFile(join(out, 'img_001.txt'), 'utf8')).toBe('red apple, studio lighting');
    expect(await readFile(join(out, 'img_002.txt'), 'utf8')).toBe('Green_Pear (ripe:1.2), 🍐');
    expect(await readFile(join(out, 'img_003.txt'), 'utf8')).toBe('studio lighting, wooden table');
    expect(await readFile(join(out, 'img_004.txt'), 'utf8')).toBe('');
  } finally {
    await server.stop();
  }
});

test('a folder with no images says so on the welcome screen', async ({ page, work }) => {
  const folder = join(work, 'empty');
  await makePhotos(folder, 0);
  const server = await serveFolder(folder, work);
  try {
    await page.goto(server.url);
    await page.getByTestId('open-served-folder').click();
    await expect(page.getByTestId('no-images-message')).toContainText('No images');
  } finally {
    await server.stop();
  }
});

test('the server refuses requests without the token', async ({ request, work }) => {
  const folder = join(work, 'set');
  await makePhotos(folder, 1);
  const server = await serveFolder(folder, work);
  try {
    const bare = new URL(server.url);
    bare.search = '';
    expect((await request.get(bare.toString())).status()).toBe(401);
    expect((await request.get(new URL('/image/1/thumb', bare).toString())).status()).toBe(401);
    expect((await request.get(server.url)).status()).toBe(200);
  } finally {
    await server.stop();
  }
});

test('the printed URL leaves no token in the address bar, and images load with the cookie alone', async ({ page, work }) => {
  const folder = join(work, 'set');
  await makePhotos(folder, 2);
  const server = await serveFolder(folder, work);
  try {
    await page.goto(server.url);
    await expect(page).toHaveURL(`${new URL(server.url).origin}/`);
    await page.getByTestId('open-served-folder').click();
    await page.getByTestId('mode-in-place').click();
    await page.getByTestId('setup-start').click();
    const picture = page.getByTestId('current-image');
    await expect(picture).toHaveClass('image-picture'); // loaded, not broken
    expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await picture.getAttribute('src')).not.toContain('token');
    // the clean address still opens after a reload: the cookie carries the access
    await page.reload();
    await expect(page.getByTestId('tagging-screen')).toBeVisible();
  } finally {
    await server.stop();
  }
});
