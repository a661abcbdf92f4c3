import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import sharp from 'sharp';

/**
 * The desktop app itself, end to end: the built main process, preload and
 * renderer in the real Electron binary, on a fresh folder of 20 PNGs, with its
 * own user-data folder. Needs `electron-vite build` first (out/main/index.js).
 */

// `require('electron')` from Node returns the binary's path, or throws when the
// install skipped the download (ELECTRON_SKIP_BINARY_DOWNLOAD=1)
const hasElectron = (() => {
  try {
    return typeof createRequire(import.meta.url)('electron') === 'string';
  } catch {
    return false;
  }
})();

test.skip(!hasElectron, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 on machines without network to its CDN): this spec runs where the binary exists');

const mainEntry = fileURLToPath(new URL('../../out/main/index.js', import.meta.url));
const TAGS = [['red apple', 'studio lighting'], ['green pear'], ['blue plum', 'close-up', 'wooden table']];

let work: string;
let folder: string;
let userData: string;

test.beforeAll(async () => {
  if (!existsSync(mainEntry)) throw new Error(`${mainEntry} is missing: run \`npx electron-vite build\` first`);
  work = await mkdtemp(join(tmpdir(), 'lora-tagger-electron-'));
  folder = join(work, 'fruit');
  userData = join(work, 'user-data');
  await mkdir(folder);
  // distinct colours: no two images are duplicates of each other
  for (let i = 1; i <= 20; i++) {
    const name = `photo-${String(i).padStart(2, '0')}.png`;
    await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: i * 12, g: 255 - i * 10, b: (i * 37) % 256 } } })
      .png()
      .toFile(join(folder, name));
  }
});

test.afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function launch(): Promise<{ app: ElectronApplication; window: Page }> {
  // the built page, never a dev server
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'ELECTRON_RENDERER_URL'),
  );
  const app = await electron.launch({ args: [mainEntry, folder, `--user-data-dir=${userData}`], env });
  const window = await app.firstWindow();
  return { app, window };
}

/** Ctrl+L into the tag field, type, Enter; then Escape out of the field so arrows move between images */
async function tagCurrentImage(window: Page, tags: string[]): Promise<void> {
  await window.keyboard.press('Control+L');
  await expect(window.getByTestId('tag-input')).toBeFocused();
  await window.keyboard.type(tags.join(', '));
  await window.keyboard.press('Enter');
  for (const tag of tags) await expect(window.locator(`[data-testid="tag-chip"][data-tag="${tag}"]`)).toBeVisible();
  for (let i = 0; i < 3 && (await window.getByTestId('tag-input').evaluate((el) => el === document.activeElement)); i++) {
    await window.keyboard.press('Escape');
  }
  await expect(window.getByTestId('tag-input')).not.toBeFocused();
}

/** the caption file beside the image the header names: imports go to <folder>/output */
function captionPathFor(imageName: string): string {
  const candidates = [join(folder, 'output', imageName), join(folder, imageName)];
  const image = candidates.find((path) => existsSync(path));
  if (!image) throw new Error(`${imageName} is in neither ${candidates.join(' nor ')}`);
  return join(dirname(image), `${basename(image).replace(/\.[^.]+$/, '')}.txt`);
}

test('import a folder, tag three images with the keyboard, quit, and resume at the same image', async () => {
  const first = await launch();
  const { window } = first;

  // the folder from the command line opens by itself: new, so it asks how to set it up
  await expect(window.getByTestId('setup-screen')).toBeVisible();
  await window.getByTestId('mode-import').click();
  await window.getByTestId('setup-start').click();
  await expect(window.getByTestId('tagging-screen')).toBeVisible();
  await expect(window.getByTestId('position')).toHaveText('1 of 20');

  const captions: string[] = [];
  for (const [i, tags] of TAGS.entries()) {
    if (i > 0) {
      await window.keyboard.press('ArrowRight');
      await expect(window.getByTestId('position')).toHaveText(`${i + 1} of 20`);
    }
    await tagCurrentImage(window, tags);
    captions.push(captionPathFor((await window.getByTestId('image-name').innerText()).trim()));
  }
  expect(new Set(captions).size).toBe(3);

  await first.app.close();

  // every caption holds exactly what was typed, in order, joined as the trainers expect
  for (const [i, path] of captions.entries()) expect(await readFile(path, 'utf8')).toBe(TAGS[i]?.join(', '));

  const second = await launch();
  await expect(second.window.getByTestId('tagging-screen')).toBeVisible();
  await expect(second.window.getByTestId('position')).toHaveText('3 of 20');
  for (const tag of TAGS[2] ?? []) await expect(second.window.locator(`[data-testid="tag-chip"][data-tag="${tag}"]`)).toBeVisible();
  await second.app.close();

  // resuming read the captions; it rewrote none of them
  for (const [i, path] of captions.entries()) expect(await readFile(path, 'utf8')).toBe(TAGS[i]?.join(', '));
});
