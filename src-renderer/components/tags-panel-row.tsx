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

/**
 * One tag of the dataset. Its name filters the images by it; the check on the
 * left puts it on or takes it off the image on screen; rename and delete act on
 * every image, each after a preview and a confirmation.
 */
export function TagsPanelRow(p: TagRowProps) {
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
        aria-label={p.onImage ? `Remove ${p.name} from this image` : `Add ${p.name} to this image`}
        title={p.onImage ? 'On this image: click to remove' : 'Click to add to this image'}
        disabled={!p.canToggle}
        onClick={() => p.onToggle(p.name)}
      >
        {p.onImage ? '✓' : '+'}
      </button>
      <button
        type="button"
        className={p.filtering ? 'tag-row-name tag-row-filtering' : 'tag-row-name'}
        data-testid="tag-row-filter"
        aria-pressed={p.filtering}
        title={p.filtering ? 'Showing the images with this tag: click to show all' : 'Show the images with this tag'}
        onClick={() => p.onFilter(p.name)}
      >
        {p.name}
      </button>
      <span className="tag-row-count">{p.count.toLocaleString('en-US')}</span>
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
