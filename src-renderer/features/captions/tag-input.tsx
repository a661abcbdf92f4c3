import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { acceptSuggestion } from '../../actions/autotag';
import { addTagsTo, removeLastTag } from '../../actions/caption-edits';
import { splitTagInput } from '../../../src-shared/tag-text';
import { addTags } from './tag-edits';
import { ghostsOf, useAutotagStore } from '../../stores/autotag-store';
import { setDuplicates } from '../../stores/caption-store';
import { focusTaken, useUiStore } from '../../stores/ui-store';
import { SuggestionText } from './suggestion-text';
import { currentSegment, useSuggestions } from './use-suggestions';

/** -1 is "none" (Enter adds what was typed); ↓ from the last suggestion returns there, ↑ from none goes to the last */
const cycle = (current: number, step: number, count: number) => ((current + 1 + step + count + 1) % (count + 1)) - 1;

interface TagInputProps {
  imageId: number;
  /** empty while the image loads: what is added then is checked against its tags when the edit runs */
  tags: readonly string[];
}

/**
 * Type tags, Enter adds them ("a, b, c" adds three). The list below suggests
 * tags from the dataset: ↑/↓ choose, Tab or Enter adds the chosen one, Escape closes.
 * Empty, Tab adds the model's first suggestion (the first ghost chip), if any.
 * Empty, it lets ← → Home End move between images (see shortcut-map.ts).
 */
export function TagInput({ imageId, tags }: TagInputProps) {
  const [text, setText] = useState('');
  const [highlight, setHighlight] = useState(-1);
  const [listOpen, setListOpen] = useState(true);
  const inputRef = useRef<HTMLInputElement>(null);
  const suggestions = useSuggestions(text, tags);
  const showList = listOpen && suggestions.length > 0;
  // the model's best suggestion for this image (a ghost chip): Tab in the empty field takes it
  const firstGhost = useAutotagStore((s) => ghostsOf(s, imageId)[0]?.tag ?? null);

  const focusRequest = useUiStore((s) => (s.focusRequest?.target === 'tag-input' ? s.focusRequest.seq : null));
  useEffect(() => {
    if (focusRequest === null || !inputRef.current) return;
    inputRef.current.focus();
    focusTaken(focusRequest);
  }, [focusRequest]);

  // a new image starts with an empty field: half-typed tags belong to the image they were typed for
  useEffect(() => setText(''), [imageId]);
  useEffect(() => setHighlight(-1), [suggestions]);

  const submit = (raw: string) => {
    const wanted = splitTagInput(raw);
    if (wanted.length === 0) return;
    const { added, duplicates } = addTags(tags, wanted);
    setDuplicates(duplicates);
    // refused or not, the text goes: left in the field, it would be glued to the next word typed
    setText('');
    if (added.length > 0) void addTagsTo(imageId, added);
  };

  const accept = (name: string) => submit(`${currentSegment(text).before}, ${name}`);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!showList) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlight((h) => cycle(h, step, suggestions.length));
        return;
      }
      case 'Tab': {
        if (event.shiftKey) return;
        if (!showList && text === '' && firstGhost !== null) {
          event.preventDefault();
          void acceptSuggestion(imageId, firstGhost);
          return;
        }
        if (!showList) return;
        event.preventDefault();
        const chosen = suggestions[Math.max(highlight, 0)];
        if (chosen) accept(chosen.name);
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const chosen = showList && highlight >= 0 ? suggestions[highlight] : undefined;
        if (chosen) accept(chosen.name);
        else submit(text);
        return;
      }
      case 'Escape':
        if (!showList) return; // the global map then takes focus out of the field
        event.preventDefault();
        setListOpen(false);
        return;
      case 'Backspace':
        if (text === '' && tags.length > 0) {
          event.preventDefault();
          void removeLastTag(imageId);
        }
        return;
    }
  };

  return (
    <div className="tag-input">
      <input
        ref={inputRef}
        type="text"
        data-testid="tag-input"
        data-image-keys="when-empty"
        placeholder={firstGhost ? `Add tags (Enter) · Tab adds ${firstGhost}` : 'Add tags: a, b, c  (Enter)'}
        aria-label="Add tags"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls="tag-suggestions"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setListOpen(true);
          setDuplicates([]);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setListOpen(false)}
        onFocus={() => setListOpen(true)}
      />
      {showList && (
        <ul className="suggestions" id="tag-suggestions" role="listbox" data-testid="tag-suggestions">
          {suggestions.map((item, i) => (
            <li
              key={item.name}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'suggestion suggestion-active' : 'suggestion'}
              data-testid="tag-suggestion"
              data-tag={item.name}
              data-category={item.category}
              data-source={item.source}
              // mousedown, not click: a click would blur the input first and close the list
              onMouseDown={(e) => {
                e.preventDefault();
                accept(item.name);
              }}
              onMouseEnter={() => setHighlight(i)}
            >
              <SuggestionText item={item} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
