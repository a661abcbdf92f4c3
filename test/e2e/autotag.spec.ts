import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startFakeModelHub } from '../support/fake-model-hub';
import { selectedTagsCsv, TINY_TAGS, tinyModel, writeModelFolder } from '../support/make-onnx-model';
import { TAGGER_IMAGES, writeTestImage } from '../support/tagger-images';
import { captionPath, openInPlace } from './support/open-dataset';
import { expect, serveFolder, test } from './support/serve-fixture';

/**
 * Machine tagging in the real renderer over the real core and a real ONNX
 * model (the tests' tiny one, whose tags follow the colours of the images):
 * choose a model folder, score a selection, move a slider and see the counts
 * change, apply, read the captions on disk, undo; then suggestions as ghost
 * chips, one accepted with Tab and one turned down, the bytes read each time.
 */
const IMAGES = ['blue-corner.png', 'red-band.png', 'tall.png'];
const BEFORE = 'sky';

test('choose a model folder, score a selection, move a slider, apply, undo; accept and reject ghost chips', async ({ page, work }, testInfo) => {
  const folder = join(work, 'shots');
  for (const image of TAGGER_IMAGES.filter((i) => IMAGES.includes(i.name))) {
    await writeTestImage(folder, image);
    await writeFile(captionPath(folder, image.name), BEFORE);
  }
  // over `serve` a model folder must be inside the served one
  const modelDir = await writeModelFolder(join(folder, 'tiny-tagger'), tinyModel());
  const caption = (name: string) => readFile(captionPath(folder, name), 'utf8');
  const captions = () => Promise.all(IMAGES.map(caption));

  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    await expect(page.getByTestId('position')).toHaveText('1 of 3');

    // select the first two images
    const cells = page.getByTestId('strip-cell');
    await cells.nth(0).click();
    await cells.nth(1).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('selection-count')).toHaveAttribute('data-count', '2');

    // the toolbar opens the panel; the model is a folder typed in (no folder dialog over serve)
    await page.getByTestId('autotag-open').click();
    const panel = page.getByTestId('autotag-panel');
    await expect(panel).toBeVisible();
    await panel.getByTestId('autotag-folder-path').fill(modelDir);
    await panel.getByTestId('autotag-folder-use').click();
    await expect(panel.locator(`[data-testid="autotag-model"][data-model-id="${modelDir}"]`)).toBeChecked();

    // score the selection: two images, on the CPU, nothing written yet
    await expect(panel.getByTestId('autotag-target-selected')).toBeChecked();
    await panel.getByTestId('autotag-run').click();
    await expect(panel.getByTestId('autotag-run-counts')).toHaveAttribute('data-scored', '2');
    await expect(panel.getByTestId('autotag-run-provider')).toContainText('On CPU');
    expect(await captions()).toEqual([BEFORE, BEFORE, BEFORE]);

    // at the defaults each image gains its character and its general tag
    await expect(panel.getByTestId('autotag-preview')).toHaveText('2 images gain 4 tags');
    // the character slider to the top: the counts follow at once, from the kept scores
    const character = panel.getByTestId('autotag-character');
    await character.focus();
    await character.press('End');
    await expect(panel.getByTestId('autotag-character-value')).toHaveText('1.00');
    await expect(panel.getByTestId('autotag-preview')).toHaveText('2 images gain 2 tags');
    // the slider's keys moved the slider, not the image
    await expect(page.getByTestId('position')).toHaveText('1 of 3');

    // MCut finds each image's own cut: the sliders step aside and the count follows
    await panel.getByTestId('autotag-mcut').check();
    await expect(character).toBeDisabled();
    await expect(panel.getByTestId('autotag-preview')).not.toHaveText('2 images gain 2 tags');
    await expect(panel.getByTestId('autotag-preview')).toHaveText(/^2 images gain \d+ tags$/);
    await panel.getByTestId('autotag-mcut').uncheck();
    await expect(panel.getByTestId('autotag-preview')).toHaveText('2 images gain 2 tags');

    // the histogram of a tag typed in the panel, its cut marked
    await panel.getByTestId('autotag-histogram-tag').fill('blue_top_left');
    await expect(panel.getByTestId('autotag-histogram-caption')).toContainText('blue_top_left · general · 2 images · cut 0.35');
    await expect(panel.getByTestId('autotag-cut')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('autotag-panel.png') });

    // apply (append): the model's tags after the person's, on disk
    await expect(panel.getByTestId('autotag-mode-append')).toBeChecked();
    await panel.getByTestId('autotag-apply').click();
    await expect(panel.getByTestId('autotag-apply-result')).toHaveText('Changed 2 images');
    await expect.poll(captions).toEqual(['sky, blue_top_left', 'sky, red_bottom', BEFORE]);

    // pointing at a tag anywhere (here the tags panel) shows its histogram: one image near 1, one under the floor
    await page.locator('[data-testid="tag-row"][data-tag="red_bottom"]').hover();
    await expect(panel.getByTestId('autotag-histogram-caption')).toContainText('red_bottom · general · 2 images');
    await expect(panel.getByTestId('autotag-histogram-tag')).toHaveValue('');
    await expect(panel.getByTestId('autotag-bar').nth(19)).toHaveAttribute('data-count', '1');
    await expect(panel.getByTestId('autotag-bar').nth(0)).toHaveAttribute('data-count', '1');
    await panel.getByTestId('autotag-histogram').screenshot({ path: testInfo.outputPath('histogram.png') });

    // the chip says the model gave it, and which model with its score
    await page.getByTestId('tab-image').click();
    const modelChip = page.locator('[data-testid="tag-chip"][data-tag="blue_top_left"]');
    await expect(modelChip).toHaveAttribute('data-source', 'model');
    await expect(modelChip).toHaveAttribute('title', /^From tiny-tagger, score 0\.99/);
    await expect(page.locator('[data-testid="tag-chip"][data-tag="sky"]')).not.toHaveAttribute('data-source', 'model');
    await page.getByTestId('tag-chips').screenshot({ path: testInfo.outputPath('model-chips.png') });

    // the review lists it with its count
    await page.getByTestId('tab-autotag').click();
    await panel.getByTestId('autotag-view-review').click();
    await expect(panel.locator('[data-testid="autotag-review-row"][data-tag="blue_top_left"]')).toHaveAttribute('data-images', '1');
    await panel.getByTestId('autotag-view-tag').click();

    // undo: the captions as they were, byte for byte
    await page.getByTestId('undo-button').click();
    await expect.poll(captions).toEqual([BEFORE, BEFORE, BEFORE]);

    // suggest: nothing written, ghost chips with their scores instead
    // back to the default by the slider's arrow keys (Chromium's step per key press is its own affair)
    const characterValue = panel.getByTestId('autotag-character-value');
    await character.focus();
    for (let i = 0; i < 100; i++) {
      const now = Number(await characterValue.textContent());
      if (Math.abs(now - 0.85) < 0.001) break;
      await character.press(now > 0.85 ? 'ArrowLeft' : 'ArrowRight');
    }
    await expect(characterValue).toHaveText('0.85');
    await panel.getByTestId('autotag-mode-suggest').click();
    await panel.getByTestId('autotag-apply').click();
    await expect(panel.getByTestId('autotag-apply-result')).toHaveText(/^Suggestions on 2 images, after their tags/);
    expect(await captions()).toEqual([BEFORE, BEFORE, BEFORE]);

    await page.getByTestId('tab-image').click();
    const ghosts = page.getByTestId('ghost-chip');
    await expect(ghosts).toHaveCount(2);
    await expect(ghosts.first().locator('.ghost-chip-score')).toHaveText('0.99');
    const [first, second] = await ghosts.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.tag!));
    expect([first, second].sort()).toEqual(['blue_top_left', 'hatsune_miku']);
    await page.screenshot({ path: testInfo.outputPath('ghost-chips.png') });

    // Tab in the empty tag input accepts the first
    await page.getByTestId('tag-input').click();
    await page.keyboard.press('Tab');
    await expect.poll(() => caption('blue-corner.png')).toBe(`sky, ${first}`);
    await expect(ghosts).toHaveCount(1);

    // × turns the other down: nothing written, and it does not come back
    await page.locator(`[data-testid="ghost-chip"][data-tag="${second}"]`).getByTestId('ghost-chip-reject').click();
    await expect(ghosts).toHaveCount(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('position')).toHaveText('2 of 3');
    // on the next image, a click accepts a ghost chip
    await page.locator('[data-testid="ghost-chip"][data-tag="red_bottom"]').click();
    await expect.poll(() => caption('red-band.png')).toBe('sky, red_bottom');
    await expect(page.locator('[data-testid="ghost-chip"][data-tag="red_bottom"]')).toHaveCount(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('position')).toHaveText('1 of 3');
    await expect(page.getByTestId('tag-chip')).toHaveCount(2);
    await expect(ghosts).toHaveCount(0);
    expect(await captions()).toEqual([`sky, ${first}`, 'sky, red_bottom', BEFORE]);
  } finally {
    await server.stop();
  }
});

test('download a known model with its progress, score all, then settle the model tags in the review', async ({ page, work }, testInfo) => {
  const folder = join(work, 'shots');
  for (const image of TAGGER_IMAGES.filter((i) => IMAGES.includes(i.name))) {
    await writeTestImage(folder, image);
    await writeFile(captionPath(folder, image.name), BEFORE);
  }
  const caption = (name: string) => readFile(captionPath(folder, name), 'utf8');
  const captions = () => Promise.all(IMAGES.map(caption));

  // the hub, local and slow enough that the download's progress can be seen
  const repo = 'SmilingWolf/wd-vit-tagger-v3';
  const hub = await startFakeModelHub();
  hub.setFile(repo, 'model.onnx', Buffer.from(tinyModel()));
  hub.setFile(repo, 'selected_tags.csv', Buffer.from(selectedTagsCsv(TINY_TAGS)));
  hub.throttle(16);
  const endpoint = process.env.HF_ENDPOINT;
  process.env.HF_ENDPOINT = hub.endpoint;
  const server = await serveFolder(folder, work);
  if (endpoint === undefined) delete process.env.HF_ENDPOINT;
  else process.env.HF_ENDPOINT = endpoint;
  try {
    await openInPlace(page, server.url);
    // the T key shows the panel even with the editing column folded away
    await page.getByTestId('splitter-editor').dblclick();
    await expect(page.getByTestId('tab-image')).toBeHidden();
    await page.keyboard.press('t');
    const panel = page.getByTestId('autotag-panel');
    await expect(panel).toBeVisible();

    await panel.locator('.autotag-known summary').click();
    const known = panel.locator(`[data-testid="autotag-known"][data-repo="${repo}"]`);
    await expect(known).toHaveAttribute('data-state', 'absent');
    await known.getByTestId('autotag-download').click();
    await expect(panel.getByTestId('autotag-download-progress')).toBeVisible();
    await expect(panel.getByTestId('autotag-download-progress')).toContainText(/of \d/);
    await expect(known).toHaveAttribute('data-state', 'installed');
    await expect(panel.getByTestId('autotag-download-progress')).toBeHidden();
    await expect(panel.locator(`[data-testid="autotag-model"][data-model-id="${repo}"]`)).toBeChecked();

    // nothing selected, no filter: all three
    await expect(panel.getByTestId('autotag-target-all')).toBeChecked();
    await panel.getByTestId('autotag-run').click();
    await expect(panel.getByTestId('autotag-run-counts')).toHaveAttribute('data-scored', '3');
    await expect(panel.getByTestId('autotag-preview')).toHaveText('3 images gain 5 tags');
    await panel.getByTestId('autotag-apply').click();
    await expect(panel.getByTestId('autotag-apply-result')).toHaveText('Changed 3 images');
    await expect.poll(captions).toEqual(['sky, hatsune_miku, blue_top_left', 'sky, kirisame_marisa, red_bottom', 'sky, green_left_edge']);

    // the review: each model tag with its images; Remove takes one out of every caption, one step of undo
    await panel.getByTestId('autotag-view-review').click();
    const row = (tag: string) => panel.locator(`[data-testid="autotag-review-row"][data-tag="${tag}"]`);
    await expect(panel.getByTestId('autotag-review-row')).toHaveCount(5);
    await page.screenshot({ path: testInfo.outputPath('review.png') });
    await row('red_bottom').getByTestId('autotag-remove').click();
    await expect.poll(() => caption('red-band.png')).toBe('sky, kirisame_marisa');
    await expect(row('red_bottom')).toHaveCount(0);

    // Keep: the tag stays on disk and leaves the review
    await row('kirisame_marisa').getByTestId('autotag-keep').click();
    await expect(row('kirisame_marisa')).toHaveCount(0);
    expect(await caption('red-band.png')).toBe('sky, kirisame_marisa');

    // a click on a tag shows its images; the review's filters show what a model tagged and what it doubted
    await row('hatsune_miku').getByTestId('autotag-review-filter').click();
    await expect(page.getByTestId('filter-count')).toHaveText('1 of 3 images');
    await panel.getByTestId('autotag-review-show-doubtful').click();
    await expect(page.getByTestId('filter-input')).toHaveValue('score:<0.5');
    await expect(page.getByTestId('filter-count')).toHaveText('0 of 3 images');
    // the red band's model tags were removed or kept (now a person's): two images left with one
    await panel.getByTestId('autotag-review-show-model').click();
    await expect(page.getByTestId('filter-count')).toHaveText('2 of 3 images');

    // sorted by name on a click on its header
    await panel.getByTestId('autotag-review-sort-tag').click();
    await expect(panel.getByTestId('autotag-review-row').first()).toHaveAttribute('data-tag', 'blue_top_left');
    await panel.getByTestId('autotag-review-sort-tag').click();
    await expect(panel.getByTestId('autotag-review-row').first()).toHaveAttribute('data-tag', 'hatsune_miku');

    // undo the Remove: back on disk
    await page.getByTestId('undo-button').click();
    await expect.poll(() => caption('red-band.png')).toBe('sky, kirisame_marisa, red_bottom');
  } finally {
    await server.stop();
    await hub.close();
  }
});

test('an image the model cannot read is named with its reason, and the others are scored', async ({ page, work }) => {
  const folder = join(work, 'shots');
  for (const image of TAGGER_IMAGES.filter((i) => IMAGES.includes(i.name))) await writeTestImage(folder, image);
  const tall = join(folder, 'tall.png');
  await writeFile(tall, (await readFile(tall)).subarray(0, 120));
  const modelDir = await writeModelFolder(join(folder, 'tiny-tagger'), tinyModel());
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    // the truncated image's header is whole, so the open lists it: the tagger is the first to find it cannot be decoded
    await expect(page.getByTestId('position')).toHaveText('1 of 3');

    await page.getByTestId('autotag-open').click();
    const panel = page.getByTestId('autotag-panel');
    await panel.getByTestId('autotag-folder-path').fill(modelDir);
    await panel.getByTestId('autotag-folder-use').click();
    await panel.getByTestId('autotag-target-all').check();
    await panel.getByTestId('autotag-run').click();
    await expect(panel.getByTestId('autotag-run-counts')).toHaveAttribute('data-failed', '1');
    await expect(panel.getByTestId('autotag-run-counts')).toHaveAttribute('data-scored', '2');
    await expect(panel.getByTestId('autotag-failure')).toHaveText([/^tall\.png \S/]);
  } finally {
    await server.stop();
  }
});
