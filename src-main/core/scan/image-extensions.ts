/** What LoRA trainers and sharp both read. Matched case-insensitively. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'bmp', 'tif', 'tiff', 'avif'] as const;

const extensionSet = new Set<string>(IMAGE_EXTENSIONS);

/** 'a/B.JPG' → 'jpg'; '' when there is no extension */
export function extensionOf(name: string): string {
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  return dot > slash + 1 ? name.slice(dot + 1).toLowerCase() : '';
}

/** 'jpg' → true: an extension as extensionOf gives it */
export const isImageExtension = (extension: string): boolean => extensionSet.has(extension);

export const isImageName = (name: string): boolean => isImageExtension(extensionOf(name));

/** 'sub/a.png' → 'sub/a.txt': the caption file every trainer looks for */
export function captionPathFor(relPath: string): string {
  const slash = relPath.lastIndexOf('/');
  const dot = relPath.lastIndexOf('.');
  return (dot > slash + 1 ? relPath.slice(0, dot) : relPath) + '.txt';
}
