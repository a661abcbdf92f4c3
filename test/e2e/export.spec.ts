import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { expect, makePhotos, serveFolder, test } from './support/serve-fixture';

/** every entry of a zip, name → bytes, in the order they were written */
function readZip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr) return reject(streamErr);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * The Civitai export from the header's dialog, in the real renderer over the
 * real core: captions prepared on disk and one typed in, the check read, the
 * zip written and then opened entry by entry.
 */
test('check and export a Civitai zip with the trigger word first', async ({ page, work }) => {
  const folder = join(work, 'fruit');
  // photo-1.png … photo-5.png, photo-3 a jpg
  await makePhotos(folder, 5);
  await writeFile(join(folder, 'photo-1.txt'), 'red apple, studio lighting');
  await writeFile(join(folder, 'photo-2.txt'), 'frt, green pear'); // trigger already first: not doubled
  await writeFile(join(folder, 'photo-3.txt'), ''); // empty: no .txt in the zip
  // photo-4 has no caption file; photo-5 is tagged below through the UI
  const outDir = join(work, 'out');
  await mkdir(outDir);
  const zipPath = join(outDir, 'fruit-for-civitai.zip');

  const server = await serveFolder(folder, work);
  try {
    await page.goto(server.url);
    await page.getByTestId('open-served-folder').click();
    await expect(page.getByTestId('setup-screen')).toBeVisible();
    await page.getByTestId('mode-in-place').click();
    await page.getByTestId('setup-start').click();
    await expect(page.getByTestId('position')).toHaveText('1 of 5');

    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('position')).toHaveText('5 of 5');
    await page.keyboard.press('Control+l');
    await page.keyboard.type('blue plum');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('tag-chip')).toHaveCount(1);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+e');
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    await page.getByTestId('export-target-kohya').click();
    await page.getByTestId('export-target-civitai').click();
    await page.getByTestId('export-trigger').fill('frt');
    await page.getByTestId('export-out-path').fill('fruit.zip');
    await expect(page.getByTestId('export-error-out')).toContainText('full path');
    await expect(page.getByTestId('export-check')).toBeDisabled();
    await page.getByTestId('export-out-path').fill(zipPath);
    await expect(page.getByTestId('export-run')).toBeDisabled(); // nothing is exported unchecked

    await page.getByTestId('export-check').click();
    await expect(page.getByTestId('export-report-title')).toContainText('5 images to export');
    const noCaption = page.locator('[data-testid="export-check-line"][data-kind="no-caption"]');
    await expect(noCaption).toContainText('2 images without a caption');
    await expect(noCaption).toHaveAttribute('data-severity', 'warning');
    await expect(page.getByTestId('export-bucket')).not.toHaveCount(0);

    await page.getByTestId('export-run').click();
    await expect(page.getByTestId('export-summary')).toBeVisible();
    await expect(page.getByTestId('export-summary')).toContainText('Exported 5 images');
    await expect(page.getByTestId('export-summary-path')).toHaveText(zipPath);
    await expect(page.getByTestId('export-summary-notes')).toContainText('2 images without a caption');
    await page.screenshot({ path: test.info().outputPath('export-summary.png') });
    await page.getByTestId('export-done').click();
    await expect(dialog).toBeHidden();

    const entries = await readZip(zipPath);
    expect([...entries.keys()]).toEqual([
      'photo-1.png',
      'photo-1.txt',
      'photo-2.png',
      'photo-2.txt',
      'photo-3.jpg',
      'photo-4.png',
      'photo-5.png',
      'photo-5.txt',
    ]);
    const text = (name: string) => entries.get(name)!.toString('utf8');
    expect(text('photo-1.txt')).toBe('frt, red apple, studio lighting');
    expect(text('photo-2.txt')).toBe('frt, green pear');
    expect(text('photo-5.txt')).toBe('frt, blue plum');
    for (const [name, bytes] of entries) {
      if (name.endsWith('.png')) expect(bytes.subarray(0, 4).equals(PNG), name).toBe(true);
      if (name.endsWith('.jpg')) expect(bytes.subarray(0, 3).equals(JPG), name).toBe(true);
    }
  } finally {
    await server.stop();
  }
});
