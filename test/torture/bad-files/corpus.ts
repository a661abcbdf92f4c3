import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import iconv from 'iconv-lite';
import sharp from 'sharp';
import { bmp24 } from '../../support/make-images';
import { bmpFile, gifClaiming, heicBranded, heicBrandOnly, jpegClaiming, pngBomb, pngClaiming, webpClaiming } from './hostile-bytes';

/** one file (or link, or folder) of the corpus and what is odd about it */
export interface CorpusEntry {
  /** relative to the corpus folder, '/'-separated */
  name: string;
  what: string;
  /** a folder, whatever its name: the walk goes into it as into any folder, so it is not an image to list */
  folder?: true;
}

export interface Corpus {
  entries: CorpusEntry[];
  /** the folder of empty .jpg files, counted rather than listed */
  bulk: { folder: string; count: number };
}

/** where the files of one kind are made; the bulk folder's name */
export const BULK_FOLDER = 'many-empty';

const solid = (width: number, height: number, seed: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: (seed * 53) % 256, g: (seed * 97 + 40) % 256, b: (seed * 151 + 80) % 256 } } });

/**
 * Writes the bad-files corpus into `dir` (and a file outside it, in
 * `outside`, for links to point at): every kind of hostile or odd input the
 * issue names, each image distinct in its bytes so an imported copy can be
 * traced back to its original. `bulk` empty .jpg files go in one subfolder.
 */
export async function makeCorpus(dir: string, outside: string, bulk: number): Promise<Corpus> {
  const entries: CorpusEntry[] = [];
  let seed = 1;
  const put = (name: string, what: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    entries.push({ name, what });
  };
  const png = (w = 48, h = 32) => solid(w, h, seed++).png().toBuffer();
  const jpeg = (w = 48, h = 32) => solid(w, h, seed++).jpeg({ quality: 80 }).toBuffer();
  const webp = (w = 48, h = 32) => solid(w, h, seed++).webp().toBuffer();
  const gif = (w = 48, h = 32) => solid(w, h, seed++).gif().toBuffer();
  const tiff = (w = 48, h = 32) => solid(w, h, seed++).tiff().toBuffer();
  const avif = (w = 48, h = 32) => solid(w, h, seed++).avif().toBuffer();
  const frames = async (n: number) => Promise.all(Array.from({ length: n }, () => png(40, 30)));

  // empty and cut short
  for (const ext of ['jpg', 'png', 'webp', 'gif', 'bmp', 'tif', 'avif']) put(`empty.${ext}`, 'zero bytes', '');
  for (const [ext, make] of [['jpg', jpeg], ['png', png], ['webp', webp], ['gif', gif]] as const) {
    const whole = await make(200, 150);
    put(`truncated-half.${ext}`, `the first half of a ${ext}`, whole.subarray(0, whole.length >> 1));
    put(`truncated-header.${ext}`, `the first 16 bytes of a ${ext}`, (await make()).subarray(0, 16));
  }

  // named as what they are not
  put('png-named.jpg', 'a PNG named .jpg', await png());
  put('jpeg-named.png', 'a JPEG named .png', await jpeg());
  put('webp-named.gif', 'a WebP named .gif', await webp());
  put('gif-named.webp', 'a GIF named .webp', await gif());
  put('tiff-named.png', 'a TIFF named .png', await tiff());
  put('text-named.jpg', 'plain text named .jpg', 'this is not an image\n');
  put('html-named.png', 'an HTML page named .png', '<!doctype html><script>alert(1)</script>');
  put('random-named.webp', 'random bytes named .webp', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)));
  put('bmp-named.png', 'a BMP named .png', bmp24(Buffer.alloc(8 * 8 * 3, 90), 8, 8));
  put('png-named.bmp', 'a PNG named .bmp', await png());

  // decompression bombs: headers that claim far more pixels than the app will decode
  for (const side of [30000, 65535]) {
    put(`bomb-header-${side}.png`, `a PNG whose header claims ${side}×${side}`, pngClaiming(await png(), side, side));
    put(`bomb-header-${side}.jpg`, `a JPEG whose frame header claims ${side}×${side}`, jpegClaiming(await jpeg(), side, side));
    put(`bomb-header-${side}.webp`, `a WebP whose canvas claims ${side}×${side}`, webpClaiming(await webp(), side, side));
  }
  put('bomb-header-65535.gif', 'a GIF whose screen claims 65535×65535', gifClaiming(await gif(), 65535, 65535));
  put('bomb-header-65535.bmp', 'a BMP header claiming 65535×65535, no pixels', bmpFile({ width: 65535, height: 65535, bitsPerPixel: 24, headerOnly: true }));
  put('bomb-real-30000.png', 'a valid 30000×30000 PNG (900 megapixels) in 110 KB', pngBomb(30000));

  // the smallest, and the odd kinds of valid
  put('one-pixel.png', '1×1 PNG', await png(1, 1));
  put('one-pixel.jpg', '1×1 JPEG', await jpeg(1, 1));
  put('one-pixel.webp', '1×1 WebP', await webp(1, 1));
  put('one-pixel.gif', '1×1 GIF', await gif(1, 1));
  put('one-pixel.tif', '1×1 TIFF', await tiff(1, 1));
  put('one-pixel.bmp', '1×1 BMP', bmpFile({ width: 1, height: 1, bitsPerPixel: 24 }));
  put('sixteen-bit.png', '16-bit RGB PNG', await solid(40, 30, seed++).toColourspace('rgb16').png().toBuffer());
  put('palette.png', 'palette (indexed) PNG', await solid(40, 30, seed++).png({ palette: true }).toBuffer());
  put('interlaced.png', 'Adam7-interlaced PNG', await solid(40, 30, seed++).png({ progressive: true }).toBuffer());
  put('grey-alpha.png', 'grey with alpha PNG', await solid(40, 30, seed++).ensureAlpha(0.5).toColourspace('b-w').png().toBuffer());
  put('cmyk.jpg', 'CMYK JPEG', await solid(40, 30, seed++).toColourspace('cmyk').jpeg().toBuffer());
  put('progressive.jpg', 'progressive JPEG', await solid(40, 30, seed++).jpeg({ progressive: true }).toBuffer());
  put('rotated-exif.jpg', 'JPEG with EXIF orientation 6', await solid(40, 30, seed++).jpeg().withMetadata({ orientation: 6 }).toBuffer());
  put('animated.gif', 'animated GIF, 3 frames', await sharp(await frames(3), { join: { animated: true } }).gif().toBuffer());
  put('animated.webp', 'animated WebP, 3 frames', await sharp(await frames(3), { join: { animated: true } }).webp().toBuffer());
  put('multi-page.tif', 'TIFF of 3 pages', await sharp(await frames(3), { join: { animated: true } }).tiff().toBuffer());
  put('multi-page.tiff', 'TIFF of 2 pages', await sharp(await frames(2), { join: { animated: true } }).tiff().toBuffer());
  put('real.avif', 'AVIF', await avif());
  put('avif-named.jpg', 'an AVIF named .jpg', await avif());
  put('heic-named.jpg', 'a HEIC (AV1 data under a heic brand) named .jpg', heicBranded(await avif()));
  put('heic-brand-only.png', 'a hand-made HEIC brand box named .png', heicBrandOnly());
  put('real.heic', 'a HEIC brand box named .heic: not an image name', heicBrandOnly());
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="red"/></svg>`;
  put('svg-named.png', 'an SVG named .png', svg);
  put('svg-named.jpg', 'an SVG named .jpg', svg.replace('red', 'blue'));
  put('svg-external.png', 'an SVG named .png that links a file outside', `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9"><image xlink:href="file:///etc/passwd" width="9" height="9"/></svg>`);

  // BMP kinds
  put('bmp-24-bottom-up.bmp', '24-bit BMP, bottom-up', bmpFile({ width: 30, height: 20, bitsPerPixel: 24 }));
  put('bmp-32-top-down.bmp', '32-bit BMP, top-down', bmpFile({ width: 30, height: 20, bitsPerPixel: 32, topDown: true }));
  put('bmp-8-palette.bmp', '8-bit palette BMP', bmpFile({ width: 30, height: 20, bitsPerPixel: 8 }));
  put('bmp-4-palette.bmp', '4-bit palette BMP', bmpFile({ width: 31, height: 21, bitsPerPixel: 4 }));
  put('bmp-1-bit.bmp', '1-bit BMP', bmpFile({ width: 33, height: 17, bitsPerPixel: 1 }));
  put('bmp-16-565.bmp', '16-bit BMP with RGB565 bit fields', bmpFile({ width: 30, height: 20, bitsPerPixel: 16, compression: 3 }));
  put('bmp-rle8.bmp', 'RLE8-compressed BMP', bmpFile({ width: 30, height: 20, bitsPerPixel: 8, compression: 1 }));
  put('bmp-os2-core.bmp', 'OS/2 BMP with the 12-byte header', bmpFile({ width: 30, height: 20, bitsPerPixel: 24, core: true }));
  put('bmp-truncated.bmp', 'a 24-bit BMP cut in half', bmpFile({ width: 64, height: 64, bitsPerPixel: 24 }).subarray(0, 6000));
  put('bmp-negative-width.bmp', 'a BMP whose width is negative', bmpFile({ width: -30, height: 20, bitsPerPixel: 24 }));

  // names
  put('new\nline.png', 'a name with a newline', await png());
  put('tab\tand\rcr.png', 'a name with a tab and a carriage return', await png());
  put('emoji 😀🎨.png', 'a name with emoji', await png());
  put(`${'x'.repeat(251)}.png`, 'a name of 255 bytes', await png());
  put(`${'猫'.repeat(83)}.png`, 'a name of 253 bytes in 87 characters', await png());
  put('back\\slash.png', 'a name with a backslash', await png());
  put(' leading space.png', 'a name starting with a space', await png());
  put('UPPER.JPEG', 'an upper-case extension', await jpeg());

  // links, folders and things that are not files
  const secret = join(outside, 'secret.png');
  mkdirSync(outside, { recursive: true });
  writeFileSync(secret, await png());
  writeFileSync(join(outside, 'secret.txt'), 'secret caption, never to change');
  const link = (name: string, target: string, what: string) => {
    symlinkSync(target, join(dir, name));
    entries.push({ name, what });
  };
  put('link-target.png', 'the image a link inside points at', await png());
  link('link-inside.png', 'link-target.png', 'a link to an image of the folder');
  link('link-out.png', secret, 'a link to an image outside the folder');
  link('link-loop-a.png', 'link-loop-b.png', 'a link to a link back to it');
  link('link-loop-b.png', 'link-loop-a.png', 'a link to a link back to it');
  link('link-self.jpg', 'link-self.jpg', 'a link to itself');
  link('link-dangling.webp', 'gone.webp', 'a link to nothing');
  link('link-to-folder.png', '.', 'a link to the folder itself');
  link('folder-link-out', outside, 'a link to the folder outside');
  mkdirSync(join(dir, 'folder-named.png'));
  entries.push({ name: 'folder-named.png', what: 'a folder named .png', folder: true });
  execFileSync('mkfifo', [join(dir, 'pipe.png')]);
  entries.push({ name: 'pipe.png', what: 'a named pipe named .png' });

  // unreadable (binding only where permissions bind: the host runs without root's overrides)
  put('locked.png', 'an image without read permission', await png());
  chmodSync(join(dir, 'locked.png'), 0o000);
  put('locked-folder/inside.png', 'an image in a folder without read permission', await png());
  chmodSync(join(dir, 'locked-folder'), 0o000);

  // captions, each on a plain image, once to be edited and once only read
  const captions: [string, string, Buffer | string][] = [
    ['utf16le-bom', 'UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('blue sky, 雲, café', 'utf16le')])],
    ['utf16le-nobom', 'UTF-16 LE without BOM', iconv.encode('blue sky, clouds, field', 'utf16le')],
    ['utf16be-bom', 'UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('red car, 道, night', 'utf16be')])],
    ['utf16be-nobom', 'UTF-16 BE without BOM', iconv.encode('red car, street, night', 'utf16be')],
    ['utf8-bom-crlf', 'UTF-8 with BOM and CRLF', '\uFEFFsmile, hat\r\n'],
    ['windows1252', 'Windows-1252', iconv.encode('naïve, café, “quoted”, ½', 'windows1252')],
    ['shift-jis', 'Shift-JIS', iconv.encode('猫耳, 少女, 青い目\r\n', 'shiftjis')],
    ['invalid-utf8', 'invalid UTF-8', Buffer.from([0x74, 0x61, 0x67, 0x2c, 0x20, 0xc3, 0x28, 0x2c, 0x20, 0xff, 0x80, 0x62])],
    ['nul-bytes', 'NUL bytes inside', Buffer.from('1girl\0\0, solo\0')],
    ['ten-mb', 'a 10 MB caption', `${Array.from({ length: 1_100_000 }, (_, i) => `t${i}`).join(', ')}`.slice(0, 10 * 1024 * 1024)],
    ['empty', 'an empty caption', ''],
    ['whitespace', 'a caption of spaces and newlines', '  \n\n \t \n'],
    ['many-lines', 'a caption of several lines', 'line one, a\nline two, b\n\nline four\n'],
  ];
  for (const [stem, what, bytes] of captions) {
    for (const use of ['keep', 'edit']) {
      put(`caption-${stem}-${use}.png`, `the image of a caption in ${what}`, await png(24, 24));
      put(`caption-${stem}-${use}.txt`, `caption in ${what}`, bytes);
    }
  }
  put('caption-locked-keep.png', 'the image of a caption without read permission', await png(24, 24));
  put('caption-locked-keep.txt', 'caption without read permission', 'locked, caption');
  chmodSync(join(dir, 'caption-locked-keep.txt'), 0o000);
  put('caption-locked-edit.png', 'the image of a caption without read permission', await png(24, 24));
  put('caption-locked-edit.txt', 'caption without read permission', 'locked, caption');
  chmodSync(join(dir, 'caption-locked-edit.txt'), 0o000);
  put('caption-link-out-edit.png', 'the image of a caption that links outside', await png(24, 24));
  link('caption-link-out-edit.txt', join(outside, 'secret.txt'), 'a caption that is a link to a file outside');
  put('caption-loop-edit.png', 'the image of a caption that links to itself', await png(24, 24));
  link('caption-loop-edit.txt', 'caption-loop-edit.txt', 'a caption that is a link to itself');
  put('caption-folder-edit.png', 'the image of a caption that is a folder', await png(24, 24));
  mkdirSync(join(dir, 'caption-folder-edit.txt'));
  entries.push({ name: 'caption-folder-edit.txt', what: 'a caption that is a folder' });
  put('shared-stem.png', 'one of two images sharing a caption', await png());
  put('shared-stem.jpg', 'one of two images sharing a caption', await jpeg());
  put('shared-stem.txt', 'the caption two images share', 'shared, caption');
  put('orphan.txt', 'a caption without an image', 'orphan, caption');

  // the folder of empty .jpg files
  mkdirSync(join(dir, BULK_FOLDER));
  for (let i = 0; i < bulk; i++) writeFileSync(join(dir, BULK_FOLDER, `empty-${String(i).padStart(5, '0')}.jpg`), '');
  return { entries, bulk: { folder: BULK_FOLDER, count: bulk } };
}
