/** libvips' messages, as a sentence for a person. */
export function readableImageError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) return 'too large: over the pixel limit';
  if (/unsupported image format/i.test(message)) return 'not a readable image (unknown or damaged format)';
  if (/premature end|truncated|unexpected end/i.test(message)) return 'the file is truncated';
  if (/empty|zero/i.test(message)) return 'the file is empty';
  return `not a readable image: ${message.split('\n')[0]}`;
}
