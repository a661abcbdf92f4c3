/** What the bench makes: N captioned JPEGs, the same ones for the same spec on any machine. */
export interface DatasetSpec {
  images: number;
  seed: number;
  width: number;
  height: number;
  /** JPEG quality, 88 where not given */
  quality?: number;
  /** its folder under .bench, for a set with a name of its own (the seed phase's wallpapers) */
  name?: string;
}

export const FULL_SIZE = { width: 2048, height: 1536 };
/** for the 100,000-image run: the same structure at a size a laptop disk holds 100,000 times */
export const SMALL_SIZE = { width: 512, height: 384 };

export const specKey = (s: DatasetSpec): string => s.name ?? `set-${s.images}-seed${s.seed}-${s.width}x${s.height}`;

/** img_00001.jpg …: zero-padded so the natural order and the plain order agree */
export function imageName(index: number, total: number): string {
  return `img_${String(index + 1).padStart(Math.max(5, String(total).length), '0')}.jpg`;
}

export const captionName = (imageFile: string): string => imageFile.replace(/\.jpg$/, '.txt');
