import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { moveTagTo, removeTagFrom } from '../../actions/caption-edits';
import { dropIndex, isPinned } from './tag-order';
import { useSessionStore } from '../../stores/session-store';
import { modelName } from '../autotag/autotag-text';
import type { ModelOrigins } from '../autotag/use-image-labels';

/** chips drawn at first: a caption pasted from a file may hold tens of thousands of tags, and drawing them all holds the screen; editing needs the first ones, not all */
const FIRST_CHIPS = 300;

interface DropMark {
  index: number;
  after: boolean;
}

const NO_ORIGINS: ModelOrigins = new Map();
/**
 * The current image's tags, in caption order. × removes one; a chip can be
 * dragged to a new place, or focused and moved with Alt+← / Alt+→. The
 * dataset's trigger word is pinned first (main keeps it there on every write).
 * A tag a model gave carries a mark, and its tooltip names the model and score.
 */
export function TagChips({ imageId, tags, origins = NO_ORIGINS }: { imageId: number; tags: readonly string[]; origins?: ModelOrigins }) {
  const trigger = useSessionStore((s) => s.session?.triggerWord ?? null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [mark, setMark] = useState<DropMark | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // the chip moved by keyboard keeps focus once the new order comes back from main
  const refocus = useRef<string | null>(null);
  // which image asked to see all its chips: another image starts with the first ones again
  const [allOf, setAllOf] = useState<number | null>(null);

  useEffect(() => {
    const tag = refocus.current;
    if (tag === null || !listRef.current) return;
    refocus.current = null;
    const chip = [...listRef.current.querySelectorAll<HTMLElement>('[data-testid="tag-chip"]')].find((el) => el.dataset.tag === tag);
    chip?.focus();
  }, [tags]);

  if (tags.length === 0) {
    return (
      <p className="tag-chips-empty" data-testid="tag-chips-empty">
        No tags yet.
      </p>
    );
  }

  const move = (from: number, to: number) => {
    const tag = tags[from];
    if (tag === undefined || to === from) return;
    void moveTagTo(imageId, tag, from, to, trigger);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    if (event.target !== event.currentTarget) return; // the × button inside handles its own keys
    if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      // Alt+← is the browser's Back too: this key is ours while a chip has focus
      event.preventDefault();
      refocus.current = tags[index] ?? null;
      move(index, index + (event.key === 'ArrowLeft' ? -1 : 1));
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      const tag = tags[index];
      if (tag !== undefined) void removeTagFrom(imageId, tag);
    }
  };

  const onDragOver = (event: DragEvent<HTMLLIElement>, index: number) => {
    if (dragFrom === null) return; // not one of our chips (a file, text from elsewhere)
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const box = event.currentTarget.getBoundingClientRect();
    const after = event.clientX > box.left + box.width / 2;
    if (mark?.index !== index || mark.after !== after) setMark({ index, after });
  };

  const onDrop = (event: DragEvent<HTMLLIElement>) => {
    if (dragFrom === null || !mark) return;
    event.preventDefault();
    // handled: the window's drop guard must not treat it as a folder
    event.stopPropagation();
    move(dragFrom, dropIndex(dragFrom, mark.index, mark.after));
    setDragFrom(null);
    setMark(null);
  };

  const endDrag = () => {
    setDragFrom(null);
    setMark(null);
  };

  const shown = allOf === imageId ? tags : tags.slice(0, FIRST_CHIPS);
  // a caption may hold a tag twice; the occurrence keeps keys unique (one pass: indexOf per chip was quadratic)
  const firstAt = new Map<string, number>();
  shown.forEach((tag, index) => {
    if (!firstAt.has(tag)) firstAt.set(tag, index);
  });

  return (
    <ul ref={listRef} className="tag-chips" data-testid="tag-chips" aria-label="Tags of this image (Alt+← / Alt+→ move the focused tag)">
      {shown.map((tag, index) => {
        const pinned = isPinned(tags, index, trigger);
        const origin = origins.get(tag);
        const classes = ['chip'];
        if (pinned) classes.push('chip-pinned');
        if (origin) classes.push('chip-model');
        if (dragFrom === index) classes.push('chip-dragging');
        if (mark?.index === index) classes.push(mark.after ? 'chip-drop-after' : 'chip-drop-before');
        return (
          <li
            key={`${tag}\u0000${firstAt.get(tag) === index ? 0 : index}`}
            className={classes.join(' ')}
            data-testid="tag-chip"
            data-tag={tag}
            data-pinned={pinned || undefined}
            data-source={origin ? 'model' : undefined}
            tabIndex={0}
            draggable={!pinned}
            title={
              pinned
                ? 'Trigger word: always first'
                : origin
                  ? `From ${modelName(origin.modelId)}${origin.score === null ? '' : `, score ${origin.score.toFixed(2)}`} · drag, or Alt+← / Alt+→, to move`
                  : 'Drag, or Alt+← / Alt+→, to move'
            }
            onKeyDown={(e) => onKeyDown(e, index)}
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', tag);
              setDragFrom(index);
            }}
            onDragOver={(e) => onDragOver(e, index)}
            onDrop={onDrop}
            onDragEnd={endDrag}
          >
            {pinned && (
              <span className="chip-pin" aria-label="trigger word">
                ●
              </span>
            )}
            {origin && !pinned && (
              <span className="chip-model-mark" data-testid="chip-model-mark" aria-label="from a model">
                ◆
              </span>
            )}
            <span className="chip-text">{tag}</span>
            <button
              type="button"
              className="chip-remove"
              data-testid="tag-chip-remove"
              aria-label={`Remove ${tag}`}
              title="Remove"
              tabIndex={-1}
              onClick={() => void removeTagFrom(imageId, tag)}
            >
              ×
            </button>
          </li>
        );
      })}
      {shown.length < tags.length && (
        <li className="chips-more">
          <button type="button" className="link-button" data-testid="tag-chips-show-all" onClick={() => setAllOf(imageId)}>
            Show all {tags.length.toLocaleString('en-US')} tags
          </button>
        </li>
      )}
    </ul>
  );
}
