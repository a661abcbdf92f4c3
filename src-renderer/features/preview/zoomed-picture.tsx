import { useRef, useState } from 'react';
import { toggleZoom } from '../../stores/view-store';
import { imageUrl } from '../../stores/session-store';

/** past this many pixels of movement a press is a pan, not a click back to fit */
const DRAG_SLOP = 4;

/**
 * The full image at 1:1 in a scrolling box: scroll or drag to pan, a click
 * (without dragging) or Z goes back to fit.
 */
export function ZoomedPicture({ id, name }: { id: number; name: string }) {
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);
  const [broken, setBroken] = useState(false);
  if (broken) {
    return (
      <div className="image-broken" data-testid="image-broken">
        <span className="image-broken-name">{name}</span>
        <span>cannot be displayed at full size</span>
      </div>
    );
  }
  return (
    <div
      ref={box}
      className="image-zoom-box"
      data-testid="image-zoom"
      title="Drag or scroll to pan; click or Z: fit"
      onPointerDown={(e) => {
        const el = box.current;
        if (!el || e.button !== 0) return;
        el.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop, moved: false };
      }}
      onPointerMove={(e) => {
        const el = box.current;
        const d = drag.current;
        if (!el || !d) return;
        const dx = e.clientX - d.x;
        const dy = e.clientY - d.y;
        if (Math.abs(dx) + Math.abs(dy) > DRAG_SLOP) d.moved = true;
        el.scrollLeft = d.left - dx;
        el.scrollTop = d.top - dy;
      }}
      onPointerUp={() => {
        const d = drag.current;
        drag.current = null;
        if (d && !d.moved) toggleZoom();
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
    >
      <img
        className="image-actual"
        data-testid="current-image-full"
        data-image-id={id}
        src={imageUrl(id, 'full')}
        alt={name}
        draggable={false}
        onError={() => setBroken(true)}
      />
    </div>
  );
}
