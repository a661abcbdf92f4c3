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
   * rejects most images before any tag is matched. A string instead of a Set
   * per image: at 100,000 images the Sets were 70 MB. The few patterns that
   * match tag by tag split it (tagsInLines) rather than each image keeping
   * an array of its tags: that array was a tenth of a 10,000-image session's
   * heap, promoted by the scavenges that stall the loop while a folder opens.
   */
  readonly tagLines: string;
}

const TAG_SEPARATOR = '\n';
// a tag cannot hold a line break written by the app; one read from a file that does is kept whole
// as a tag but matched as if the break were a space, so it cannot fake two tags
const asLine = (tag: string) => (tag.includes(TAG_SEPARATOR) ? tag.replace(/\n/g, ' ') : tag);

/** what an exact `tag:` looks for in tagLines */
export const tagLine = (lowerTag: string): string => tagLineNeedle(lowerTag, false, false);

/**
 * What a `tag:` of one literal with a star before and/or after it looks for
 * in tagLines: `long*` "\nlong", `*eyes` "eyes\n", `*hair*` "hair". The
 * literal holds no line break (see asLine), so a match never spans two tags.
 */
export const tagLineNeedle = (lowerText: string, starBefore: boolean, starAfter: boolean): string =>
  `${starBefore ? '' : TAG_SEPARATOR}${asLine(lowerText)}${starAfter ? '' : TAG_SEPARATOR}`;

export function indexImage(img: QueryImage): IndexedImage {
  // "" first and last: join makes "\na\nb\n" as one flat string, where concatenating
  // around it would leave a rope for the first search to flatten
  const lines = ['', ...img.tags.map((t) => asLine(t.toLowerCase())), ''];
  return {
    nameLower: img.name.toLowerCase(),
    pathLower: img.path.toLowerCase(),
    captionLower: img.caption.toLowerCase(),
    tagCount: img.tags.length,
    status: img.status,
    tagLines: lines.join(TAG_SEPARATOR),
  };
}

/** the tags of tagLines, lower-cased, a line break inside one read as a space (see asLine) */
export function tagsInLines(tagLines: string): string[] {
  return tagLines.length <= TAG_SEPARATOR.length ? [] : tagLines.slice(1, -1).split(TAG_SEPARATOR);
}
