import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { startFakeVlmServer } from '../support/fake-vlm-server';
import { captionPath, openInPlace } from './support/open-dataset';
import { expect, serveFolder, test } from './support/serve-fixture';

/**
 * Captions from a vision-language model, in the real renderer over the real
 * core: add a backend pointing at a local server that answers from the pixels
 * it receives, caption three images, review each suggestion as a diff, accept
 * two (one as is, one edited and appended after the tags), reject one, and
 * read the caption files' bytes before and after undoing both accepts.
 */
const IMAGES = [
  { name: 'a-red.png', colour: { r: 220, g: 30, b: 30 }, width: 120, height: 90, caption: 'cat, outdoors' },
  { name: 'b-green.png', colour: { r: 30, g: 180, b: 30 }, width: 100, height: 140, caption: 'dog' },
  { name: 'c-blue.png', colour: { r: 30, g: 30, b: 220 }, width: 80, height: 80, caption: 'sky, clouds' },
] as const;
const KEY = 'sk-test-not-for-the-screen-81f3';

test('add a backend, caption three images, review the diffs, accept two, reject one, undo', async ({ page, work }, testInfo) => {
  const folder = join(work, 'shots');
  await mkdir(folder, { recursive: true });
  for (const image of IMAGES) {
    await sharp({ create: { width: image.width, height: image.height, channels: 3, background: image.colour } })
      .png()
      .toFile(join(folder, image.name));
    await writeFile(captionPath(folder, image.name), image.caption);
  }
  const captions = () => Promise.all(IMAGES.map((image) => readFile(captionPath(folder, image.name), 'utf8')));
  const original = IMAGES.map((image) => image.caption);

  const vlm = await startFakeVlmServer();
  vlm.apiKey = KEY;
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    await expect(page.getByTestId('position')).toHaveText('1 of 3');

    // the toolbar's button shows the panel; with no backend yet, the form to add one is open
    await page.getByTestId('captioner-open').click();
    const panel = page.getByTestId('captioner-panel');
    await expect(panel).toBeVisible();
    const form = panel.getByTestId('captioner-backend-form');
    await form.getByTestId('captioner-backend-preset').selectOption('lm-studio');
    await expect(form.getByTestId('captioner-backend-kind')).toHaveValue('openai');
    await form.getByTestId('captioner-backend-name').fill('Test server');
    await form.getByTestId('captioner-backend-url').fill(`${vlm.url}/v1`);
    await form.getByTestId('captioner-backend-key').fill(KEY);
    await form.getByTestId('captioner-backend-save').click();

    // the key went to main and no further: the screen says it is saved and never shows it
    const backend = panel.getByTestId('captioner-backend');
    await expect(backend).toHaveCount(1);
    await expect(backend.getByTestId('captioner-key-saved')).toHaveText(/key saved/);
    await expect(backend.getByTestId('captioner-backend-use')).toBeChecked();
    expect(await page.content()).not.toContain(KEY);

    // test the connection; the model list comes from the server
    await backend.getByTestId('captioner-backend-test').click();
    await expect(backend.getByTestId('captioner-backend-check')).toHaveAttribute('data-ok', 'true');
    await expect(panel.getByTestId('captioner-model').locator('option')).toHaveText(vlm.models);
    await panel.getByTestId('captioner-model').selectOption('fake-vl');

    // a short-caption preset, over all three images
    await panel.getByTestId('captioner-preset').selectOption('short');
    await expect(panel.getByTestId('captioner-template')).toHaveValue('Write a one-sentence caption for this image.');
    await expect(panel.getByTestId('captioner-rule').first()).toBeVisible();
    await panel.getByTestId('captioner-target-all').check();
    await expect(panel.getByTestId('captioner-run-button')).toHaveText('Caption all 3 images');
    await page.screenshot({ path: testInfo.outputPath('captioner-panel.png') });

    await panel.getByTestId('captioner-run-button').click();
    await expect(panel.getByTestId('captioner-review')).toBeVisible();
    await expect(panel.getByTestId('captioner-run-result')).toHaveAttribute('data-captioned', '3');
    // every request carried the key and the right image: the answers name each image's own colour and size
    expect(vlm.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(3);
    expect(vlm.requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true);

    const card = (name: string) => panel.locator(`[data-testid="captioner-result"]:has-text("${name}")`);
    await expect(panel.getByTestId('captioner-result')).toHaveCount(3);
    const red = card('a-red.png');
    await expect(red.getByTestId('caption-diff-now')).toContainText('cat, outdoors');
    await expect(red.getByTestId('caption-diff-next')).toContainText('A red image, 120 by 90 pixels.');
    // word level: the old tags are struck, the new sentence is marked
    await expect(red.getByTestId('caption-diff-now').locator('del')).toHaveText(['cat, outdoors']);
    await expect(red.getByTestId('caption-diff-next').locator('ins')).toHaveText(['A red image, 120 by 90 pixels.']);
    await expect(card('b-green.png').getByTestId('caption-diff-next')).toContainText('A green image, 100 by 140 pixels.');
    await expect(card('c-blue.png').getByTestId('caption-diff-next')).toContainText('A blue image, 80 by 80 pixels.');
    await page.screenshot({ path: testInfo.outputPath('captioner-review.png') });

    // accept the red one as it is: the caption becomes the sentence
    await red.getByTestId('captioner-accept').click();
    await expect.poll(captions).toEqual(['A red image, 120 by 90 pixels.', original[1], original[2]]);
    await expect(panel.getByTestId('captioner-result')).toHaveCount(2);

    // the green one: edited, appended after its tags; the diff shows what the file will hold
    await panel.getByTestId('captioner-mode-append').check();
    const green = card('b-green.png');
    await expect(green.getByTestId('caption-diff-next')).toContainText('dog, A green image, 100 by 140 pixels.');
    await green.getByTestId('captioner-edit').click();
    await green.getByTestId('captioner-edit-text').fill('A green  square\non a plain ground.');
    await expect(green.getByTestId('caption-diff-next').locator('ins')).toHaveText([', A green square on a plain ground.']);
    await page.screenshot({ path: testInfo.outputPath('captioner-edit.png') });
    await green.getByTestId('captioner-accept').click();
    const accepted = ['A red image, 120 by 90 pixels.', 'dog, A green square on a plain ground.', original[2]];
    await expect.poll(captions).toEqual(accepted);
    // the green card has left the list: a decision from the keyboard moves the focus to a card still
    // listed, and a green card still there (its answer from main in flight) would take the screen
    await expect(panel.getByTestId('captioner-result')).toHaveCount(1);

    // reject the blue one from the keyboard: nothing is written, and it can be asked for again
    await card('c-blue.png').focus();
    await expect(page.getByTestId('position')).toHaveText('3 of 3');
    await page.keyboard.press('r');
    await expect(panel.getByTestId('captioner-run-again')).toHaveText('Caption the 1 rejected image again');
    await expect(panel.getByTestId('captioner-result')).toHaveCount(0);
    await expect(panel.getByTestId('captioner-status').locator('option')).toHaveText(['To review (0)', 'Accepted (2)', 'Rejected (1)', 'Failed (0)', 'All (3)']);
    expect(await captions()).toEqual(accepted);

    // what models proposed for the image on screen (the blue one, shown when its card took the focus)
    const history = panel.getByTestId('captioner-image-history');
    await history.locator('summary').first().click();
    await expect(history.getByTestId('captioner-history-entry')).toHaveCount(1);
    await expect(history.getByTestId('captioner-history-entry')).toHaveAttribute('data-status', 'rejected');
    await expect(history).toContainText('fake-vl');
    await expect(history).toContainText('A blue image, 80 by 80 pixels.');

    // undo twice with the toolbar: the files are as they were, byte for byte
    await expect(page.getByTestId('undo-button')).toHaveAttribute('title', /^Undo: Append captions/);
    await page.getByTestId('undo-button').click();
    await expect.poll(captions).toEqual(['A red image, 120 by 90 pixels.', original[1], original[2]]);
    await expect(page.getByTestId('undo-button')).toHaveAttribute('title', /^Undo: Accept captions/);
    await page.getByTestId('undo-button').click();
    await expect.poll(captions).toEqual(original);
    await expect(page.getByTestId('redo-button')).toBeEnabled();

    // ask again only where rejected: a second run sends the blue image alone, and its suggestion waits for review
    const sent = vlm.requests.length;
    await panel.getByTestId('captioner-run-again').click();
    await expect(panel.getByTestId('captioner-review-run').locator('option:checked')).toHaveText(/^#2 · fake-vl · 1 image · 1 to review/);
    await expect(panel.getByTestId('captioner-result')).toHaveCount(1);
    await expect(card('c-blue.png').getByTestId('caption-diff-next')).toContainText('A blue image, 80 by 80 pixels.');
    expect(vlm.requests.slice(sent).map((r) => r.image?.colour)).toEqual(['blue']);
    expect(await captions()).toEqual(original);
  } finally {
    await server.stop();
    await vlm.close();
  }
});

test('a wrong key and an image the server cannot answer: each says why, nothing is written for it, the rest go on', async ({ page, work }, testInfo) => {
  const folder = join(work, 'shots');
  await mkdir(folder, { recursive: true });
  for (const image of IMAGES) {
    await sharp({ create: { width: image.width, height: image.height, channels: 3, background: image.colour } })
      .png()
      .toFile(join(folder, image.name));
    await writeFile(captionPath(folder, image.name), image.caption);
  }
  const captions = () => Promise.all(IMAGES.map((image) => readFile(captionPath(folder, image.name), 'utf8')));

  const vlm = await startFakeVlmServer();
  vlm.apiKey = KEY;
  // a proxy in front of the green image's server answers with a page, not JSON
  vlm.behaveFor('green', 'not-json');
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    await page.keyboard.press('c');
    const panel = page.getByTestId('captioner-panel');
    await expect(panel).toBeVisible();

    // an Ollama server at this address, with the wrong key: the test says so in the server's words
    const form = panel.getByTestId('captioner-backend-form');
    await form.getByTestId('captioner-backend-preset').selectOption('ollama');
    await expect(form.getByTestId('captioner-backend-kind')).toHaveValue('ollama');
    await form.getByTestId('captioner-backend-url').fill(vlm.url);
    await form.getByTestId('captioner-backend-key').fill('sk-wrong');
    await form.getByTestId('captioner-backend-save').click();
    const backend = panel.getByTestId('captioner-backend');
    await backend.getByTestId('captioner-backend-test').click();
    await expect(backend.getByTestId('captioner-backend-check')).toHaveAttribute('data-ok', 'false');
    await expect(backend.getByTestId('captioner-backend-check')).toContainText('401');

    // the right key, typed over the saved one (which is never shown)
    await backend.getByTestId('captioner-backend-edit').click();
    const edit = panel.getByTestId('captioner-backend-form');
    await expect(edit.getByTestId('captioner-backend-key')).toHaveValue('');
    await expect(edit.getByTestId('captioner-backend-key')).toHaveAttribute('placeholder', /Key saved/);
    await edit.getByTestId('captioner-backend-key').fill(KEY);
    await edit.getByTestId('captioner-backend-save').click();
    await panel.getByTestId('captioner-backend-test').click();
    await expect(panel.getByTestId('captioner-backend-check')).toHaveAttribute('data-ok', 'true');
    expect(await page.content()).not.toContain(KEY);

    await panel.getByTestId('captioner-target-all').check();
    await panel.getByTestId('captioner-run-button').click();
    await expect(panel.getByTestId('captioner-review')).toBeVisible();
    await panel.getByTestId('captioner-view-run').check();
    const outcome = panel.getByTestId('captioner-run-result');
    await expect(outcome).toHaveAttribute('data-failed', '1');
    await expect(outcome).toContainText('Captioned 2 images, 1 failed');
    await expect(outcome.getByTestId('captioner-failure')).toHaveText([/^b-green\.png .*not JSON.*502 Bad Gateway/]);
    await page.screenshot({ path: testInfo.outputPath('captioner-failure.png') });

    // in the review the failed image says why and offers no accept; accepting all pending leaves it alone
    await panel.getByTestId('captioner-view-review').check();
    await panel.getByTestId('captioner-status').selectOption('failed');
    const failed = panel.getByTestId('captioner-result');
    await expect(failed).toHaveCount(1);
    await expect(failed.getByTestId('captioner-result-error')).toContainText('not JSON');
    await expect(failed.getByTestId('captioner-accept')).toHaveCount(0);
    await panel.getByTestId('captioner-accept-all').click();
    await expect.poll(captions).toEqual(['A red image, 120 by 90 pixels.', 'dog', 'A blue image, 80 by 80 pixels.']);
  } finally {
    await server.stop();
    await vlm.close();
  }
});

test('a slow server: progress with the time left, cancel, then the same settings go on where the run stopped', async ({ page, work }) => {
  const folder = join(work, 'shots');
  await mkdir(folder, { recursive: true });
  for (const image of IMAGES) {
    await sharp({ create: { width: image.width, height: image.height, channels: 3, background: image.colour } })
      .png()
      .toFile(join(folder, image.name));
    await writeFile(captionPath(folder, image.name), image.caption);
  }
  const vlm = await startFakeVlmServer();
  vlm.delayMs = 1500;
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    await page.getByTestId('tab-captioner').click();
    const panel = page.getByTestId('captioner-panel');
    const form = panel.getByTestId('captioner-backend-form');
    await form.getByTestId('captioner-backend-preset').selectOption('ollama');
    await form.getByTestId('captioner-backend-url').fill(vlm.url);
    await form.getByTestId('captioner-backend-save').click();
    await expect(panel.getByTestId('captioner-model')).toHaveValue('fake-vl');
    await panel.getByTestId('captioner-concurrency').fill('1');
    await panel.getByTestId('captioner-target-all').check();

    await panel.getByTestId('captioner-run-button').click();
    const progress = panel.getByTestId('captioner-progress');
    await expect(progress.getByTestId('progress-label')).toHaveText(/^Captioning images, about \d+ s left 1 \/ 3$/);
    await progress.getByTestId('captioner-cancel').click();
    // the run stops; what it answered is kept, and the run bar says how to go on
    await expect(panel.getByTestId('captioner-cut-short')).toContainText('Run #1 with fake-vl stopped before it ended');
    const sent = vlm.requests.length;

    // the same settings again: the images already answered are not sent again
    vlm.delayMs = 0;
    await panel.getByTestId('captioner-run-button').click();
    await expect(panel.getByTestId('captioner-review')).toBeVisible();
    await panel.getByTestId('captioner-view-run').check();
    const outcome = panel.getByTestId('captioner-run-result');
    await expect(outcome).toContainText('answered before, not sent again');
    const [, fresh, before] = /^Captioned (\d) images?, (\d) answered before/.exec((await outcome.textContent()) ?? '') ?? [];
    expect(Number(fresh) + Number(before)).toBe(3);
    expect(Number(before)).toBeGreaterThanOrEqual(1);
    expect(vlm.requests.length).toBe(sent + Number(fresh));
    await expect(panel.getByTestId('captioner-cut-short')).toHaveCount(0);
    // one run, taken up again, now with all three to review
    await panel.getByTestId('captioner-view-review').check();
    await expect(panel.getByTestId('captioner-review-run').locator('option')).toHaveText([/^#1 · fake-vl · 3 images · 3 to review/]);
  } finally {
    await server.stop();
    await vlm.close();
  }
});
