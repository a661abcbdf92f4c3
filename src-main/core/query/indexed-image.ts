/** What the filter needs to know about an image. */
export interface QueryImage {
  /** file name */
  name: string;
  /** path relative to the dataset folder */
  path: string;
  /** the caption text as written */
  caption: string;
  tags: readonly string[];
  status: 'todo' | 'tagged' | 'skip';
}

/**
 * An image prepared for filtering: every field lower-cased once, when the
 * image is indexed, so typing a query over 100,000 images lower-cases nothing.
 * Rebuild it when the image's caption, tags or status change.
 */
export interface IndexedImage {
  readonly nameLower: string;
  readonly pathLower: string;
  readonly captionLower: string;
  readonly tagCount: number;
  readonly status: QueryImage['status'];
  /**
   * The lower-cased tags, each between newlines ("\na\nb\n"): an exact
   * `tag:` is one `includes` of "\ntag\n", and a wildcard's literal part
   * rejects most images before any tag is matched. A string, not a Set per
   * image, which would hold an entry and a string for every tag of every
   * image. The few patterns that match tag by tag split it rather than each
   * image keeping an array of its tags, for the same reason.
   *
   * null: captionLower is the tags joined by ", ", as the app writes a
   * caption (almost every caption), and is searched in their place, with
   * ", " for the line breaks (see tagTextTest): the lines would be a second
   * copy of the caption.
   */
  readonly tagLines: string | null;
}

const TAG_SEPARATOR = '\n';
// a tag cannot hold a line break written by the app; one read from a file that does is kept whole
// as a tag but matched as if the break were a space, so it cannot fake two tags
const asLine = (tag: string) => (tag.includes(TAG_SEPARATOR) ? tag.replace(/\n/g, ' ') : tag);

/** between the tags of a caption as the app writes it (see joinTags) */
const CAPTION_SEPARATOR = ', ';
const COMMA = 0x2c;

/**
 * A test of whether an image has a tag that is `lowerText`, or ends with it
 * (starBefore: `*eyes`), or begins with it (starAfter: `long*`), or holds it
 * (both: `*hair*`): one search of the image's tag lines, or of its caption
 * where that is its tags as written (see IndexedImage.tagLines). The text
 * holds no line break (see asLine), so a match never spans two tags; no tag
 * of a caption as written holds a comma, so a text with one is in none.
 */
export function tagTextTest(lowerText: string, starBefore: boolean, starAfter: boolean): (img: IndexedImage) => boolean {
  const text = asLine(lowerText);
  const needle = `${starBefore ? '' : TAG_SEPARATOR}${text}${starAfter ? '' : TAG_SEPARATOR}`;
  const holdsComma = text.includes(',');
  return (img) => (img.tagLines === null ? !holdsComma && inWrittenTags(img.captionLower, text, starBefore, starAfter) : img.tagLines.includes(needle));
}

/**
 * The same search in a caption that is its tags joined by ", ": each ", " is
 * a boundary between two tags, and nothing else is. The text holds no comma,
 * so a match lies in one tag unless it begins with a boundary's space.
 */
function inWrittenTags(caption: string, text: string, starBefore: boolean, starAfter: boolean): boolean {
  for (let at = caption.indexOf(text); at !== -1; at = caption.indexOf(text, at + 1)) {
    if (caption.charCodeAt(at - 1) === COMMA) continue;
    const end = at + text.length;
    const startsTag = starBefore || at === 0 || caption.startsWith(CAPTION_SEPARATOR, at - CAPTION_SEPARATOR.length);
    if (startsTag && (starAfter || end === caption.length || caption.startsWith(CAPTION_SEPARATOR, end))) return true;
  }
  return false;
}

/** the image's tags, lower-cased, a line break inside one read as a space (see asLine) */
export function tagsOf(img: IndexedImage): string[] {
  if (img.tagLines === null) return img.captionLower.split(CAPTION_SEPARATOR);
  return img.tagLines.length <= TAG_SEPARATOR.length ? [] : img.tagLines.slice(1, -1).split(TAG_SEPARATOR);
}

/** a string that holds every tag of the image, for a quick look for a literal before the tags are matched one by one */
export const tagsText = (img: IndexedImage): string => img.tagLines ?? img.captionLower;

/**
 * Whether the caption is these tags joined by ", ", compared in place: a
 * join per image to compare would be garbage for every image the filter
 * index warms. A tag with a comma, which no parse makes, would blur
 * the boundaries: such a caption is not taken as written.
 */
function isWrittenAs(captionLower: string, lowered: readonly string[]): boolean {
  let at = 0;
  for (let i = 0; i < lowered.length; i++) {
    if (i > 0) {
      if (!captionLower.startsWith(CAPTION_SEPARATOR, at)) return false;
      at += CAPTION_SEPARATOR.length;
    }
    const tag = lowered[i]!;
    if (tag.includes(',') || !captionLower.startsWith(tag, at)) return false;
    at += tag.length;
  }
  return lowered.length > 0 && at === captionLower.length;
}

/** an image's status from its skip mark and its caption: skipped, or tagged unless the caption is blank */
export function imageStatus(skip: boolean, caption: string): QueryImage['status'] {
  if (skip) return 'skip';
  return isBlank(caption) ? 'todo' : 'tagged';
}

/** a caption that starts with a printable ASCII character (almost all) is not blank, and is not trimmed to tell */
function isBlank(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return text.trim() === '';
}

export function indexImage(img: QueryImage): IndexedImage {
  const lowered = img.tags.map((t) => asLine(t.toLowerCase()));
  const captionLower = img.caption.toLowerCase();
  const asWritten = isWrittenAs(captionLower, lowered);
  return {
    nameLower: img.name.toLowerCase(),
    pathLower: img.path.toLowerCase(),
    captionLower,
    tagCount: img.tags.length,
    status: img.status,
    // "" first and last: join makes "\na\nb\n" as one flat string, where concatenating
    // around it would leave a rope for the first search to flatten
    tagLines: asWritten ? null : ['', ...lowered, ''].join(TAG_SEPARATOR),
  };
}
