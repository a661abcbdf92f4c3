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
  /** lower-cased tags, for wildcard `tag:` patterns */
  readonly tagsLower: readonly string[];
  /** the same, for exact `tag:` lookups */
  readonly tagSet: ReadonlySet<string>;
  /** the same joined by '\n': one `includes` rejects most images before any tag is matched */
  readonly tagLines: string;
}

export function indexImage(img: QueryImage): IndexedImage {
  const tags = img.tags.map((t) => t.toLowerCase());
  return {
    nameLower: img.name.toLowerCase(),
    pathLower: img.path.toLowerCase(),
    captionLower: img.caption.toLowerCase(),
    tagCount: img.tags.length,
    status: img.status,
    tagsLower: tags,
    tagSet: new Set(tags),
    tagLines: tags.join('\n'),
  };
}
