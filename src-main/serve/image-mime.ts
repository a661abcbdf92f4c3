/**
 * What may go out with an image Content-Type, as the desktop's lt-image:
 * protocol allows it (electron/image-protocol.ts): the ApiHost names the
 * type, and anything else (an SVG, which can carry script; HTML) is refused
 * instead of being served from the page's own origin.
 */
const IMAGE_MIME_TYPES: ReadonlySet<string> = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/bmp',
  'image/tiff',
  'image/avif',
]);

/** the bare type if it is one an image route may send, else null */
export function allowedImageMime(mime: string): string | null {
  const bare = mime.split(';')[0]?.trim().toLowerCase() ?? '';
  return IMAGE_MIME_TYPES.has(bare) ? bare : null;
}
