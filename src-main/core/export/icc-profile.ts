/**
 * Whether an ICC profile is sRGB, read from its description tag. Trainers
 * read pixel values as sRGB and ignore profiles: an sRGB profile can be
 * dropped without changing a colour, any other needs the pixels converted.
 */

/** true only when the profile plainly says sRGB; an unreadable profile is not */
export function isSrgbProfile(icc: Buffer): boolean {
  return /\bsRGB\b/.test(profileDescription(icc) ?? '');
}

function profileDescription(icc: Buffer): string | null {
  if (icc.length < 132) return null;
  const count = icc.readUInt32BE(128);
  for (let i = 0; i < count && 132 + i * 12 + 12 <= icc.length; i++) {
    const entry = 132 + i * 12;
    if (icc.toString('latin1', entry, entry + 4) !== 'desc') continue;
    const offset = icc.readUInt32BE(entry + 4);
    const size = icc.readUInt32BE(entry + 8);
    if (offset + size > icc.length || size < 12) return null;
    return readText(icc.subarray(offset, offset + size));
  }
  return null;
}

/** ICC v2 'desc' (ASCII) or v4 'mluc' (UTF-16BE, first record) */
function readText(tag: Buffer): string | null {
  const type = tag.toString('latin1', 0, 4);
  if (type === 'desc') {
    const length = tag.readUInt32BE(8);
    return tag.toString('latin1', 12, Math.min(tag.length, 12 + length)).replace(/\0+$/, '');
  }
  if (type === 'mluc' && tag.length >= 28) {
    const length = tag.readUInt32BE(20);
    const offset = tag.readUInt32BE(24);
    if (offset + length > tag.length) return null;
    return tag.subarray(offset, offset + length).swap16().toString('utf16le');
  }
  return null;
}
