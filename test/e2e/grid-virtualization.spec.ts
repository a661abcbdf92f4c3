import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, serveFolder, test } from './support/serve-fixture';

/**
 * The grid's DOM does not grow with the dataset: at the same viewport and the
 * same scroll position (top, a middle row, the end) 200 and 20,000 images put
 * the same number of elements in the grid, and the last image is still
 * reachable by scrolling. The strip is held to the same rule.
 */

const SMALL = 200;
const LARGE = 20_000;

const nameOf = (i: number) => `img_${String(i).padStart(5, '0')}.png`;

/** one tiny PNG made with sharp, copied under distinct names: 20,000 real encodes would take minutes */
async function makeCopies(folder: string, count: number): Promise<void> {
  await mkdir(folder, { recursive: true });
  const first = join(folder, nameOf(1));
  await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 140, b: 200 } } }).png().toFile(first);
  for (let start = 2; start <= count; start += 500) {
    const batch = [];
    for (let i = start; i < Math.min(count + 1, start + 500); i++) batch.push(copyFile(first, join(folder, nameOf(i))));
    await Promise.all(batch);
  }
}

/** the element count once it stops changing: the virtualizer renders on scroll events and frames */
async function settledCount(page: Page, selector: string): Promise<number> {
  let last = -1;
  for (let tries = 0; tries < 40; tries++) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.waitForTimeout(150);
    const now = await page.evaluate((s) => document.querySelectorAll(s).length, selector);
    if (now === last) return now;
    last = now;
  }
  throw new Error(`${selector}: the element count never settled`);
}

async function scrollGridTo(page: Page, where: 'top' | 'middle' | 'end'): Promise<void> {
  await page.getByTestId('grid').evaluate((grid, at) => {
    const rowHeight = Number(grid.getAttribute('data-row-height'));
    // a whole number of rows, so both datasets show the same rows at the same fraction
    const middleRow = Math.floor(grid.scrollHeight / rowHeight / 2);
    grid.scrollTop = at === 'top' ? 0 : at === 'middle' ? middleRow * rowHeight : grid.scrollHeight;
  }, where);
}

interface Counts {
  columns: number;
  strip: number;
  top: number;
  middle: number;
  end: number;
  cellsAtTop: number;
}

async function measure(page: Page, folder: string, work: string, count: number): Promise<Counts> {
  const server = await serveFolder(folder, work);
  try {
    await page.goto(server.url);
    await page.getByTestId('open-served-folder').click();
    await expect(page.getByTestId('setup-screen')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('mode-in-place').click();
    await page.getByTestId('setup-start').click();
    await expect(page.getByTestId('tagging-screen')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('stat-total')).toHaveText(count.toLocaleString('en-US'));

    await expect(page.getByTestId('strip-cell').first()).toBeVisible();
    const strip = await settledCount(page, '[data-testid="image-strip"] *');

    await page.keyboard.press('g');
    await expect(page.getByTestId('grid')).toBeVisible();
    await expect(page.getByTestId('grid-cell').first()).toBeVisible();
    const columns = Number(await page.getByTestId('grid').getAttribute('data-columns'));

    await scrollGridTo(page, 'top');
    const top = await settledCount(page, '[data-testid="grid"] *');
    const cellsAtTop = await page.getByTestId('grid-cell').count();
    await scrollGridTo(page, 'middle');
    const middle = await settledCount(page, '[data-testid="grid"] *');
    await scrollGridTo(page, 'end');
    const end = await settledCount(page, '[data-testid="grid"] *');
    // the last image is reachable by scrolling
    await expect(page.getByTestId('grid-cell-name').filter({ hasText: nameOf(count) })).toBeVisible();
    return { columns, strip, top, middle, end, cellsAtTop };
  } finally {
    // leave the page first: its thumbnail requests still in flight would hold the server's close open
    await page.goto('about:blank');
    await server.stop();
  }
}

test("the grid's DOM size is the same for 200 and 20,000 images", async ({ page, work }) => {
  // 20,000 files to copy, list and open in place, and a server that finishes its renders before it exits
  test.setTimeout(420_000);
  const small = join(work, 'small');
  const large = join(work, 'large');
  await makeCopies(small, SMALL);
  await makeCopies(large, LARGE);

  const few = await measure(page, small, join(work, 'app-small'), SMALL);
  const many = await measure(page, large, join(work, 'app-large'), LARGE);
  test.info().annotations.push({ type: 'dom-counts', description: JSON.stringify({ [SMALL]: few, [LARGE]: many }) });

  // the same viewport gives the same columns; with a column count dividing both sizes the last rows are alike too
  expect(many.columns).toBe(few.columns);
  expect(SMALL % few.columns, 'the end comparison needs full last rows in both datasets').toBe(0);
  // even 200 images are more than one screen: the grid renders only some of them
  expect(few.cellsAtTop).toBeLessThan(SMALL);
  expect(many).toEqual(few);
});
