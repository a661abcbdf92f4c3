import type { CSSProperties } from 'react';

export interface TagRowProps {
  name: string;
  count: number;
  onImage: boolean;
  /** the filter shows exactly this tag's images */
  filtering: boolean;
  canToggle: boolean;
  style: CSSProperties;
  onToggle(name: string): void;
  onFilter(name: string): void;
  onRename(name: string): void;
  onDelete(name: string): void;
}

/** drawn, not a font glyph: the funnel characters are missing from common UI fonts */
const FunnelIcon = () => (
  <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden="true">
    <path d="M1.5 2h13L9.5 8.2V14l-3-1.6V8.2z" fill="currentColor" />
  </svg>
);

/**
 * One tag of the dataset. As in civitai-tagger, its name (and the check on the
 * left) puts it on or takes it off the image on screen; showing the images
 * that have it is the funnel button, or Alt+click on the name. Rename and
 * delete act on every image, each after a preview and a confirmation.
 */
export function TagsPanelRow(p: TagRowProps) {
  const toggleLabel = p.onImage ? `Remove ${p.name} from this image` : `Add ${p.name} to this image`;
  const filterLabel = `Show only the images tagged ${p.name}`;
  return (
    <div
      className={p.onImage ? 'tag-row tag-row-on' : 'tag-row'}
      data-testid="tag-row"
      data-tag={p.name}
      data-count={p.count}
      style={p.style}
    >
      <button
        type="button"
        className="tag-toggle"
        data-testid="master-tag"
        data-tag={p.name}
        aria-pressed={p.onImage}
        aria-label={toggleLabel}
        title={p.onImage ? 'On this image: click to remove' : 'Click to add to this image'}
        disabled={!p.canToggle}
        onClick={() => p.onToggle(p.name)}
      >
        {p.onImage ? '✓' : '+'}
      </button>
      <button
        type="button"
        className="tag-row-name"
        data-testid="tag-row-name"
        aria-pressed={p.onImage}
        title={`${p.onImage ? 'On this image: click to remove' : 'Click to add to this image'} · Alt+click: show only the images with it`}
        onClick={(e) => (e.altKey ? p.onFilter(p.name) : p.onToggle(p.name))}
      >
        {p.name}
      </button>
      <span className="tag-row-count">{p.count.toLocaleString('en-US')}</span>
      <button
        type="button"
        className={p.filtering ? 'tag-row-action tag-row-filter tag-row-filtering' : 'tag-row-action tag-row-filter'}
        data-testid="tag-row-filter"
        aria-pressed={p.filtering}
        aria-label={filterLabel}
        title={p.filtering ? 'Showing only the images with this tag: click to show all' : filterLabel}
        onClick={() => p.onFilter(p.name)}
      >
        <FunnelIcon />
      </button>
      <button
        type="button"
        className="tag-row-action"
        data-testid="tag-rename"
        aria-label={`Rename or merge ${p.name}`}
        title="Rename, or merge into another tag, on every image"
        onClick={() => p.onRename(p.name)}
      >
        ✎
      </button>
      <button
        type="button"
        className="tag-row-action tag-row-danger"
        data-testid="tag-delete"
        aria-label={`Delete ${p.name} everywhere`}
        title="Delete from every image"
        onClick={() => p.onDelete(p.name)}
      >
        ×
      </button>
    </div>
  );
}
