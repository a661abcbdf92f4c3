import { fileProblem } from '../core/fs/regular-file';

/** why an image could not be scored, in a sentence for the run's report */
export function describeImageError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/premature end|truncated/i.test(message)) return 'the image file is truncated';
  if (/pixel limit/i.test(message)) return 'the image is too large to tag';
  if (/unsupported image format|corrupt header|bad seek|not a known file format/i.test(message)) return 'not a readable image';
  return fileProblem(err);
}
