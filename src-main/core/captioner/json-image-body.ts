/**
 * A request body as JSON bytes with an image's base64 written in place. A
 * JPEG of a few hundred KB becomes a string of a third more; put through
 * JSON.stringify it would be copied and scanned for characters to escape
 * again, on the main thread, for every image. Base64 needs no escaping, so
 * the rest is serialised around a marker and the image copied in once.
 */
const MARKER = '@@lora-tagger-image@@';

export function jsonWithImage(build: (image: string) => unknown, jpeg: Buffer, prefix: string): Buffer {
  const json = JSON.stringify(build(MARKER));
  const at = json.indexOf(MARKER);
  const head = Buffer.from(json.slice(0, at) + prefix);
  const tail = Buffer.from(json.slice(at + MARKER.length));
  const length = Math.ceil(jpeg.length / 3) * 4;
  const out = Buffer.allocUnsafe(head.length + length + tail.length);
  head.copy(out, 0);
  out.write(jpeg.toString('base64'), head.length, 'latin1');
  tail.copy(out, head.length + length);
  return out;
}
