import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { nextImage, previousImage } from '../../actions/current-image';
import { currentImage, useImagesStore } from '../../stores/images-store';
import { toggleZoom, useZoomStore } from '../../stores/view-store';
import { imageUrl } from '../../stores/session-store';
import { ImageFacts } from './image-facts';
import { ZoomedPicture } from './zoomed-picture';
import { useNavPosition } from '../tagging/use-nav-position';

/**
 * The preview URL names the image by id alone. The contract has no version of
 * an image's pixels yet (caption.revision changes with every tag edit, which
 * would refetch the picture each time); see the report for the field asked for.
 */
const previewUrl = (id: number) => imageUrl(id, 'preview');

/** Warm the cache for the neighbours so ← and → show the next picture at once. */
function usePrefetchNeighbours(ids: ReadonlyArray<number | undefined>) {
  useEffect(() => {
    const images = ids.filter((id): id is number => id !== undefined).map((id) => {
      const img = new Image();
      img.decoding = 'async';
      img.src = previewUrl(id);
      return img;
    });
    return () => {
      for (const img of images) img.src = '';
    };
  }, [ids]);
}

function Picture({ id, name }: { id: number; name: string }) {
  const [broken, setBroken] = useState(false);
  // a first preview can take a moment while main renders it: say so rather than show an empty frame
  const [loaded, setLoaded] = useState(false);
  if (broken) {
    return (
      <div className="image-broken" data-testid="image-broken">
        <span className="image-broken-name">{name}</span>
        <span>cannot be displayed</span>
      </div>
    );
  }
  return (
    <>
      {!loaded && <span className="image-loading">Loading preview…</span>}
      <img
        className={loaded ? 'image-picture' : 'image-picture image-picture-loading'}
        title="Click or Z: show at 1:1"
        onClick={toggleZoom}
        data-testid="current-image"
        data-image-id={id}
        src={previewUrl(id)}
        alt={name}
        draggable={false}
        onLoad={() => setLoaded(true)}
        onError={() => setBroken(true)}
      />
    </>
  );
}

export function ImageView() {
  const view = useImagesStore(
    useShallow((s) => {
      const image = currentImage(s);
      return {
        id: image?.id,
        name: image?.name ?? '',
        before: s.items[s.index - 1]?.id,
        after: s.items[s.index + 1]?.id,
      };
    }),
  );
  usePrefetchNeighbours(useMemo(() => [view.after, view.before], [view.after, view.before]));
  // within the filtered images while a filter is on
  const { atStart, atEnd } = useNavPosition();
  const zoom = useZoomStore((s) => s.zoom);

  return (
    <section className="image-view" aria-label="Current image">
      <button
        type="button"
        className="image-nav image-nav-prev"
        data-testid="prev-image"
        aria-label="Previous image (←)"
        title="Previous (←)"
        disabled={atStart}
        onClick={previousImage}
      >
        ‹
      </button>
      <div className="image-frame" data-zoom={zoom}>
        {view.id !== undefined &&
          (zoom === 'actual' ? (
            <ZoomedPicture key={view.id} id={view.id} name={view.name} />
          ) : (
            <Picture key={view.id} id={view.id} name={view.name} />
          ))}
      </div>
      <button
        type="button"
        className="image-nav image-nav-next"
        data-testid="next-image"
        aria-label="Next image (→)"
        title="Next (→)"
        disabled={atEnd}
        onClick={nextImage}
      >
        ›
      </button>
      <div className="image-name" data-testid="image-name" title={view.name}>
        {view.name}
      </div>
      <ImageFacts />
    </section>
  );
}
