import type { RenderKind, RenderOutput } from './cache-layout';

export const THUMB_SIDE = 256;

/**
 * Preview size classes: the renderer asks for the width it will draw at (in
 * device pixels) and gets the smallest class that covers it, so a laptop
 * window and a 4K one each get a sharp preview, and the cache holds at most
 * three previews per image.
 */
export const PREVIEW_SIDES = [1024, 1600, 2560] as const;
export const DEFAULT_PREVIEW_SIDE = 1600;

export function previewSideFor(width: number | undefined): number {
  if (width === undefined || !Number.isFinite(width) || width <= 0) return DEFAULT_PREVIEW_SIDE;
  return PREVIEW_SIDES.find((side) => side >= width) ?? PREVIEW_SIDES[PREVIEW_SIDES.length - 1]!;
}

/** formats whose pixels may be transparent: their previews must keep alpha, which JPEG cannot */
const MAY_HAVE_ALPHA = new Set(['png', 'webp', 'gif', 'avif', 'heif', 'tiff', 'tif', 'bmp']);

/**
 * What a made image is encoded as. Thumbnails: WebP, small enough that
 * 100,000 of them stay a modest cache. Previews of JPEGs: JPEG, several
 * times faster to encode than WebP at 1600 px (next/previous must not wait on
 * an encoder). Previews that may carry alpha: WebP. Full-size conversions of
 * what a browser cannot show (TIFF): PNG, lossless.
 */
export function outputFor(kind: RenderKind, sourceFormat: string): RenderOutput {
  if (kind === 'full') return 'png';
  if (kind === 'thumb') return 'webp';
  return MAY_HAVE_ALPHA.has(sourceFormat) ? 'webp' : 'jpeg';
}
