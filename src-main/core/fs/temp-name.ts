import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Names of the temp files writeFileAtomic leaves beside a target while it
 * writes: `.lora-tagger-<16 hex>.<name>.tmp`. Dot-prefixed so trainers and
 * file browsers skip them; the app's own prefix, so that sweepStaleTemps
 * removes ours and only ours: a user's `.notes.txt.0123456789abcdef.tmp`
 * (the shape this app used before) is theirs to keep.
 */
export const TEMP_NAME_PATTERN = /^\.lora-tagger-[0-9a-f]{16}\..+\.tmp$/;

const PREFIX = '.lora-tagger-';
const SUFFIX = '.tmp';

// Most file systems cap one name at 255 bytes; a long target name plus our
// prefix and suffix must not push the temp past it (ENAMETOOLONG).
const MAX_NAME_BYTES = 255;
const AFFIX_BYTES = PREFIX.length + 16 + '.'.length + SUFFIX.length;

export function tempPathFor(target: string): string {
  const name = truncateUtf8(basename(target), MAX_NAME_BYTES - AFFIX_BYTES);
  return join(dirname(target), `${PREFIX}${randomBytes(8).toString('hex')}.${name}${SUFFIX}`);
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
