import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './serve-fixture';

/** Open the folder `serve` was started on, set up in place (captions used where they are), and wait for the tagging screen. */
export async function openInPlace(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('open-served-folder').click();
  await expect(page.getByTestId('setup-screen')).toBeVisible();
  await page.getByTestId('mode-in-place').click();
  await page.getByTestId('setup-start').click();
  await expect(page.getByTestId('tagging-screen')).toBeVisible();
}

/** `photo-3.png` → the path of `photo-3.txt` beside it */
export const captionPath = (folder: string, image: string): string => join(folder, image.replace(/\.\w+$/, '.txt'));
