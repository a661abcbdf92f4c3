import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captionPath, openInPlace } from './support/open-dataset';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

/**
 * The Text view of a prose (Flux) caption edits the same file other programs
 * and other windows may change. With nothing typed, the text box takes what
 * changed; with unsaved typing, saving it raises the conflict (both versions
 * kept), never a silent overwrite of the other edit.
 */
const FIRST = 'A small red apple resting on a wooden table near a bright window in the late afternoon light.';
const OUTSIDE = 'A green pear on a white plate beside a glass of water, photographed from above in soft shade.';
const OUTSIDE_AGAIN = 'A yellow lemon cut in half on a blue cloth, with a knife lying beside it on the kitchen counter.';
const TYPED = ' It is raining outside.';

test('the Text view takes an outside edit, and raises a conflict when it has unsaved typing', async ({ page, work }, testInfo) => {
  const folder = join(work, 'prose');
  const names = await makePhotos(folder, 2);
  const caption = captionPath(folder, names[0]!);
  await writeFile(caption, FIRST);
  await writeFile(captionPath(folder, names[1]!), OUTSIDE_AGAIN);
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    // the fragments' list (in text mode the column lists frequent words first) shows when main has read a change
    await page.getByTestId('show-fragments').click();
    const box = page.getByTestId('caption-text-editor');
    await expect(box).toHaveValue(FIRST);

    // nothing typed: another program's edit shows in the box, and what is typed next builds on it
    await writeFile(caption, OUTSIDE);
    await expect(page.getByTestId('disk-note')).toBeVisible();
    await expect(box).toHaveValue(OUTSIDE);
    await box.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(TYPED);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => readFile(caption, 'utf8')).toBe(OUTSIDE + TYPED);

    // typing not yet saved when the file changes again: saving it is a conflict with both versions kept
    await page.keyboard.type(' Twice.');
    await writeFile(caption, OUTSIDE_AGAIN);
    // main has read the change once the master list counts the new text's tag on both images
    const lemon = OUTSIDE_AGAIN.split(', ')[0]!;
    await expect(page.locator(`[data-testid="tag-row"][data-tag="${lemon}"]`)).toHaveAttribute('data-count', '2');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('conflict-banner')).toBeVisible();
    await expect(page.getByTestId('conflict-disk-text')).toHaveText(OUTSIDE_AGAIN);
    await expect(page.getByTestId('conflict-mine-text')).toHaveText(`${OUTSIDE}${TYPED} Twice.`);
    expect(await readFile(caption, 'utf8')).toBe(OUTSIDE_AGAIN);
    // until a version is chosen, the box keeps what was typed
    await expect(box).toHaveValue(`${OUTSIDE}${TYPED} Twice.`);
    await page.screenshot({ path: testInfo.outputPath('text-view-conflict.png') });

    // settling it takes the chosen text into the box
    await page.getByTestId('conflict-use-mine').click();
    await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
    await expect.poll(() => readFile(caption, 'utf8')).toBe(`${OUTSIDE}${TYPED} Twice.`);
    await expect(box).toHaveValue(`${OUTSIDE}${TYPED} Twice.`);
  } finally {
    await server.stop();
  }
});

test('two windows: the Text view follows an edit made in the Tags view, and conflicts when it has typing of its own', async ({
  page,
  browser,
  work,
}) => {
  const folder = join(work, 'two-tabs');
  const names = await makePhotos(folder, 1);
  const caption = captionPath(folder, names[0]!);
  await writeFile(caption, FIRST);
  const server = await serveFolder(folder, work);
  const other = await browser.newContext();
  try {
    // the text window's clock is ours to hold, so its typing is saved only when the test says
    await page.clock.install();
    await openInPlace(page, server.url);
    const box = page.getByTestId('caption-text-editor');
    await expect(box).toHaveValue(FIRST);

    const tags = await other.newPage();
    await tags.goto(server.url);
    await expect(tags.getByTestId('tagging-screen')).toBeVisible();
    await tags.getByTestId('caption-view-chips').check();
    await tags.getByTestId('tag-input').fill('sunlight');
    await tags.getByTestId('tag-input').press('Enter');
    await expect.poll(() => readFile(caption, 'utf8')).toBe(`${FIRST}, sunlight`);

    // the text window had nothing typed: it shows the tag added in the other
    await expect(box).toHaveValue(`${FIRST}, sunlight`);

    // now it has typing of its own, not yet saved, when the other window adds a tag: its save is a conflict
    // a margin of seconds, not milliseconds: on a loaded machine the page's clock runs past a near
    // target before the pause lands ("Cannot fast-forward to the past"); nothing is typed yet, so the
    // jump fires no save
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 5_000);
    await box.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(', evening');
    await tags.getByTestId('tag-input').fill('shadow');
    await tags.getByTestId('tag-input').press('Enter');
    await expect.poll(() => readFile(caption, 'utf8')).toBe(`${FIRST}, sunlight, shadow`);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('conflict-banner')).toBeVisible();
    await expect(page.getByTestId('conflict-mine-text')).toHaveText(`${FIRST}, sunlight, evening`);
    await expect(page.getByTestId('conflict-disk-text')).toHaveText(`${FIRST}, sunlight, shadow`);
    await page.clock.resume();
    expect(await readFile(caption, 'utf8')).toBe(`${FIRST}, sunlight, shadow`);

    // keeping the file puts it in the box, and the next typing builds on it
    await page.getByTestId('conflict-keep-disk').click();
    await expect(page.getByTestId('conflict-banner')).toHaveCount(0);
    await expect(box).toHaveValue(`${FIRST}, sunlight, shadow`);
    await box.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(', dusk');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => readFile(caption, 'utf8')).toBe(`${FIRST}, sunlight, shadow, dusk`);
  } finally {
    await other.close();
    await server.stop();
  }
});
