import { useShallow } from 'zustand/react/shallow';
import { formatBytes } from './format-bytes';
import { currentImage, useImagesStore } from '../../stores/images-store';

/**
 * The size in pixels and on disk under the preview: what decides whether an
 * image is big enough for the training resolution, or worth a resize. Both
 * come from the list, which the background check of image headers updates
 * after the folder opens (a first open lists the files without their sizes).
 */
export function ImageFacts() {
  const facts = useImagesStore(
    useShallow((s) => {
      const image = currentImage(s);
      return { id: image?.id, width: image?.width ?? null, height: image?.height ?? null, bytes: image?.bytes ?? null };
    }),
  );
  if (facts.id === undefined) return <div className="image-facts" data-testid="image-facts" />;
  const pixels = facts.width !== null && facts.height !== null ? `${facts.width} × ${facts.height} px` : 'size not read yet';
  return (
    <div className="image-facts" data-testid="image-facts">
      {pixels}
      {facts.bytes !== null && ` · ${formatBytes(facts.bytes)}`}
    </div>
  );
}
