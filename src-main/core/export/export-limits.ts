/**
 * The numbers the export and its check hold images to, each with where it
 * comes from, so the check and the export can never disagree.
 */

/** Civitai's on-site trainer takes at most this many images per dataset. */
export const CIVITAI_MAX_IMAGES = 1000;

/**
 * Civitai refuses files over 50 MB. Read as decimal megabytes: the smaller of
 * the two readings, so a file we let through is never refused on upload.
 */
export const CIVITAI_MAX_FILE_BYTES = 50_000_000;

/** libvips' own default: a larger image is refused before any pixel is decoded. */
export const MAX_INPUT_PIXELS = 0x3fff * 0x3fff;

/** kohya's smallest default bucket side: anything smaller is upscaled into mush. */
export const MIN_USEFUL_SIDE = 256;

/** beyond 3:1 every trainer crops or squashes most of the picture away */
export const EXTREME_ASPECT = 3;

/**
 * No trainer's text encoder reads more than a few hundred tokens (T5: 512,
 * some 2,000 characters): a caption a hundred times that is a file pasted or
 * saved in by mistake, not a caption.
 */
export const HUGE_CAPTION_CHARS = 200_000;

/** SD 1.x/SDXL's CLIP reads 77 tokens, two of them start and end markers. */
export const CLIP_TOKEN_LIMIT = 75;

export const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;
