/**
 * Made-up first bytes of the two formats most datasets hold, for a thread to
 * run the header check over before any folder is opened (see the probe
 * worker's warm-up): each reads as a plain image, so the warm-up runs the
 * check's own code and never falls through to sharp.
 */

/** a 3840×2160 baseline JPEG whose Exif says to turn it (orientation 6) */
export const SAMPLE_JPEG_HEAD = Uint8Array.from([
  // SOI
  ...[0xff, 0xd8],
  // APP1: Exif, big-endian TIFF, one IFD0 entry: Orientation = 6
  ...[0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0],
  // SOF0: 8-bit, 2160 high, 3840 wide, three components
  ...[0xff, 0xc0, 0x00, 0x11, 8, 0x08, 0x70, 0x0f, 0x00, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
]);

/** a 3840×2160 RGB PNG: its signature, IHDR, and the start of its first IDAT */
export const SAMPLE_PNG_HEAD = Uint8Array.from([
  ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  ...[0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x0f, 0, 0, 0, 0x08, 0x70, 8, 2, 0, 0, 0, 0, 0, 0, 0],
  ...[0, 0, 0, 0, 0x49, 0x44, 0x41, 0x54],
]);
