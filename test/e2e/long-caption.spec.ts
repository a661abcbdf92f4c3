import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { captionPath, openInPlace } from './support/open-dataset';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

/**
 * A caption of 60,000 tags (about 590 KB) froze the screen drawing a chip per
 * tag, and the token counter showed the schema's raw refusal. The screen shows
 * the first chips and a way to see all, the counter says in a sentence why it
 * cannot count, and tagging goes on as usual.
 */
test('a caption of 60,000 tags shows its first chips, a sentence for the token count, and still takes a tag', async ({ page, work }, testInfo) => {
  const folder = join(work, 'long');
  const names = await makePhotos(folder, 2);
  const caption = captionPath(folder, names[0]!);
  const tags = Array.from({ length: 60_000 }, (_, i) => `tag${String(i).padStart(5, '0')}`);
  const text = tags.join(', ');
  await writeFile(caption, text);
  const server = await serveFolder(folder, work);
  try {
    await openInPlace(page, server.url);
    const chips = page.getByTestId('tag-chip');
    await expect(chips.first()).toHaveAttribute('data-tag', 'tag00000');
    await expect(page.getByTestId('tag-chips-show-all')).toHaveText('Show all 60,000 tags');
    expect(await chips.count()).toBeLessThan(1000);

    const problem = page.getByTestId('token-count-problem');
    await expect(problem).toHaveText(`Too long to count: 60,000 tags (${Math.round(Buffer.byteLength(text) / 1000)} KB)`);
    await expect(page.getByTestId('token-count')).not.toContainText(/too big|too_big|invalid|string must|\{/i);

    await page.keyboard.press('Control+l');
    await page.keyboard.type('added tag');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stat(caption)).size).toBe(Buffer.byteLength(`${text}, added tag`));
    expect(await readFile(caption, 'utf8')).toBe(`${text}, added tag`);

    await page.screenshot({ path: testInfo.outputPath('long-caption.png') });
    await page.getByTestId('tag-chips-show-all').click();
    await expect(chips.last()).toHaveAttribute('data-tag', 'added tag');
  } finally {
    await server.stop();
  }
});
