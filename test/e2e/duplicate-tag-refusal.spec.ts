import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captionPath, openInPlace } from './support/open-dataset';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

/**
 * A tag the image already has is refused with a note. What was refused must
 * not linger in the field to be glued to the next word typed, and the note
 * must be readable, not under the suggestion list.
 */
test('a refused duplicate leaves no text behind and its note in sight', async ({ page, work }) => {
  const folder = join(work, 'pets');
  const names = await makePhotos(folder, 2);
  const caption = captionPath(folder, names[0]!);
  await writeFile(caption, 'cat');
  // tags that "cat" would suggest, so a list can open over the note
  await writeFile(captionPath(folder, names[1]!), 'cat ears, cat tail, catgirl');
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    await expect(page.getByTestId('tag-chip')).toHaveCount(1);

    await page.keyboard.press('Control+l');
    await page.keyboard.type('cat');
    await expect(page.getByTestId('tag-suggestion').first()).toBeVisible();
    await page.keyboard.press('Enter');
    const note = page.getByTestId('duplicate-note');
    await expect(note).toHaveText('“cat” is already on this image');
    // what is drawn at the note's centre is the note, not a list over it
    const box = (await note.boundingBox())!;
    const hit = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(hit).toBe('duplicate-note');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.type('dog');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tag-chip')).toHaveCount(2);
    await expect.poll(() => readFile(caption, 'utf8')).toBe('cat, dog');
  } finally {
    await server.stop();
  }
});
