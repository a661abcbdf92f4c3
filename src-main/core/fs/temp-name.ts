import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Names of the temp files writeFileAtomic leaves beside a target while it
 * writes: `.<name>.<16 hex>.tmp`. Dot-prefixed so trainers and file browsers
 * skip them; the fixed shape lets sweepStaleTemps recognise ours and only ours.
 */
export const TEMP_NAME_PATTERN = /^\..+\.[0-9a-f]{16}\.tmp$/;

// Most file systems cap one name at 255 bytes; a long target name plus our
// prefix and suffix must not push the temp past it (ENAMETOOLONG).
const MAX_NAME_BYTES = 255;
const AFFIX_BYTES = '.'.length + '.'.length + 16 + '.tmp'.length;

export function tempPathFor(target: string): string {
  const name = truncateUtf8(basename(target), MAX_NAME_BYTES - AFFIX_BYTES);
  return join(dirname(target), `.${name}.${randomBytes(8).toString('hex')}.tmp`);
}

/** Cuts at a code point boundary so the temp name is still valid UTF-8. */
function truncateUtf8(name: string, maxBytes: number): string {
  if (Buffer.byteLength(name, 'utf8') <= maxBytes) return name;
  let out = '';
  let bytes = 0;
  for (const ch of name) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > maxBytes) break;
    out += ch;
    bytes += n;
  }
  return out;
}
