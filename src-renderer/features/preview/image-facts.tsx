import { useShallow } from 'zustand/react/shallow';
import { formatBytes } from './format-bytes';
import { useCaptionStore } from '../../stores/caption-store';
import { currentImage, useImagesStore } from '../../stores/images-store';

/**
 * The size in pixels and on disk under the preview: what decides whether an
 * image is big enough for the training resolution, or worth a resize. The
 * pixels come from the list, which the background check of image headers
 * updates after the folder opens; the bytes from the image's detail.
 */
export function ImageFacts() {
  const size = useImagesStore(
    useShallow((s) => {
      const image = currentImage(s);
      return { id: image?.id, width: image?.width ?? null, height: image?.height ?? null };
    }),
  );
  // the detail can lag the image on screen for a moment after ← or →
  const bytes = useCaptionStore((s) => (s.detail && s.detail.id === size.id ? s.detail.bytes : null));
  if (size.id === undefined) return <div className="image-facts" data-testid="image-facts" />;
  const pixels = size.width !== null && size.height !== null ? `${size.width} × ${size.height} px` : 'size not read yet';
  return (
    <div className="image-facts" data-testid="image-facts">
      {pixels}
      {bytes !== null && ` · ${formatBytes(bytes)}`}
    </div>
  );
}
