import '../../styles/strip-grid.css';
import '../../styles/tag-editor.css';
import { MARK_TEXT, StatusMark, type ThumbnailMark } from '../grid/thumbnail-mark';

const MARKS: readonly ThumbnailMark[] = ['tagged', 'todo', 'skip', 'conflict'];

/** what the autocomplete's colours say of a suggestion: Danbooru's categories */
const CATEGORIES = [
  ['general', 'general tag'],
  ['character', 'character'],
  ['copyright', 'series (copyright)'],
  ['artist', 'artist'],
  ['meta', 'meta'],
] as const;

/**
 * What the colours on screen mean: the marks in a thumbnail's corner and the
 * colours of suggested tags. Shown with the shortcuts, where people look for help.
 */
export function ColourLegend() {
  return (
    <section className="colour-legend" data-testid="colour-legend" aria-label="What the colours mean">
      <h3>What the colours mean</h3>
      <div className="legend-group">
        <span className="legend-title">Thumbnail marks</span>
        <ul>
          {MARKS.map((mark) => (
            <li key={mark} className="legend-item" data-testid="legend-mark" data-mark={mark}>
              <span className="legend-swatch">
                <StatusMark mark={mark} />
              </span>
              {MARK_TEXT[mark]}
            </li>
          ))}
        </ul>
      </div>
      <div className="legend-group">
        <span className="legend-title">Suggested tags</span>
        <ul>
          {CATEGORIES.map(([category, text]) => (
            <li key={category} className={`legend-item tag-cat-${category}`} data-testid="legend-category" data-category={category}>
              {text}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
