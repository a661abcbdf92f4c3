import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/**
 * Images for the tiny tagging model (test/support/make-onnx-model.ts): flat
 * colours in the regions it looks at, so each image's tags can be worked out
 * by hand, and each pre-processing mistake changes them.
 */
type Rgba = [number, number, number, number];
interface Patch {
  /** fractions of the image: [top, left, bottom, right] */
  box: readonly [number, number, number, number];
  colour: Rgba;
}

export const BLACK: Rgba = [0, 0, 0, 255];
export const BLUE: Rgba = [0, 0, 255, 255];
export const RED: Rgba = [255, 0, 0, 255];
export const CLEAR: Rgba = [0, 0, 0, 0];

function paint(width: number, height: number, background: Rgba, patches: readonly Patch[]): Buffer {
  const px = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let colour = background;
      for (const { box, colour: c } of patches) {
        if (y >= box[0] * height && y < box[2] * height && x >= box[1] * width && x < box[3] * width) colour = c;
      }
      px.set(colour, (y * width + x) * 4);
    }
  }
  return px;
}

export interface TestImage {
  name: string;
  width: number;
  height: number;
  background: Rgba;
  patches: Patch[];
  /** EXIF orientation written into a JPEG; the pixels are stored so that, turned upright, they show `patches` */
  orientation?: 6;
}

/**
 * The images the tests score. `expected` are the tags at the default
 * thresholds (0.35 general, 0.85 character), characters first.
 */
export const TAGGER_IMAGES: readonly (TestImage & { expected: string[]; rating: string })[] = [
  // blue top-left quadrant: read as RGB instead of BGR, the blue would land in the red channel
  // (the quadrant covers a quarter of the centre: "general" at sigmoid(-2.5) = 0.076 beats questionable's 0.047)
  { name: 'blue-corner.png', width: 448, height: 448, background: BLACK, patches: [{ box: [0, 0, 0.5, 0.5], colour: BLUE }], expected: ['hatsune_miku', 'blue_top_left'], rating: 'general' },
  { name: 'red-band.png', width: 300, height: 300, background: BLACK, patches: [{ box: [0.75, 0, 1, 1], colour: RED }], expected: ['kirisame_marisa', 'red_bottom'], rating: 'questionable' },
  // tall: the white padding left and right is exactly as wide as the left strip; black padding would give nothing
  { name: 'tall.png', width: 300, height: 400, background: BLACK, patches: [], expected: ['green_left_edge'], rating: 'questionable' },
  // transparent but for a black centre: composited on white, every region but the centre is white
  {
    name: 'transparent.png',
    width: 448,
    height: 448,
    background: CLEAR,
    patches: [{ box: [0.3, 0.3, 0.7, 0.7], colour: BLACK }],
    // equal scores keep selected_tags.csv's order, as the reference's stable sort does
    expected: ['kirisame_marisa', 'hatsune_miku', 'red_bottom', 'green_left_edge', 'green_top_edge', 'blue_top_left'],
    rating: 'questionable',
  },
  // stored sideways with EXIF orientation 6: upright, the blue is top-left
  { name: 'rotated.jpg', width: 400, height: 400, background: BLACK, patches: [{ box: [0, 0, 0.5, 0.5], colour: BLUE }], orientation: 6, expected: ['hatsune_miku', 'blue_top_left'], rating: 'general' },
  // wide 4:3, red centre: the white padding top and bottom is exactly the top strip (its last rows a little
  // darkened by the bicubic against the black below, so below the pure red centre), and half the bottom band
  { name: 'wide.webp', width: 640, height: 480, background: BLACK, patches: [{ box: [0.3, 0.3, 0.7, 0.7], colour: RED }], expected: ['red_center', 'green_top_edge', 'red_bottom'], rating: 'sensitive' },
];

export async function writeTestImage(dir: string, image: TestImage): Promise<string> {
  const path = join(dir, image.name);
  mkdirSync(dirname(path), { recursive: true });
  if (image.orientation === 6) {
    // upright = stored turned 90° clockwise, so stored = upright turned 90° anticlockwise
    const upright = paint(image.width, image.height, image.background, image.patches);
    const stored = await sharp(upright, { raw: { width: image.width, height: image.height, channels: 4 } }).rotate(270).png().toBuffer();
    await sharp(stored).removeAlpha().jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toFile(path);
    return path;
  }
  const raw = sharp(paint(image.width, image.height, image.background, image.patches), { raw: { width: image.width, height: image.height, channels: 4 } });
  if (image.name.endsWith('.webp')) await raw.removeAlpha().webp({ lossless: true }).toFile(path);
  else await raw.png().toFile(path);
  return path;
}

export function writeBrokenImage(dir: string, name = 'broken.png'): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really a png')]));
  return path;
}
