import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { setCaptionText } from '../actions/caption-edits';
import { TokenCount } from './token-count';

const SAVE_AFTER_MS = 1200;

/**
 * A natural-language caption (Flux) edited as free text. It is written on
 * blur, on Ctrl+Enter, and a moment after typing stops; each write names the
 * revision it starts from (see caption-edits.ts), so a file changed by another
 * program meanwhile becomes a conflict, never an overwrite. Mount it keyed by
 * image: what was typed for one image is saved for that image on the way out.
 */
export function CaptionTextEditor({ imageId, text }: { imageId: number; text: string }) {
  const [draft, setDraft] = useState(text);
  // the caption text the draft started from: a change from outside replaces the draft only while it is untouched
  const base = useRef(text);
  const pending = useRef<{ id: number; text: string } | null>(null);

  useEffect(() => {
    setDraft((current) => (current === base.current ? text : current));
    base.current = text;
  }, [text]);

  const save = () => {
    const edit = pending.current;
    pending.current = null;
    if (edit) void setCaptionText(edit.id, edit.text);
  };

  useEffect(() => {
    if (pending.current === null) return;
    const timer = setTimeout(save, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  // leaving the image (or the text view) with unsaved typing saves it
  useEffect(() => save, []);

  const onChange = (value: string) => {
    setDraft(value);
    pending.current = value === base.current ? null : { id: imageId, text: value };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  return (
    <div className="caption-text">
      <textarea
        className="caption-textarea"
        data-testid="caption-text-editor"
        aria-label="Caption text"
        placeholder="Describe the image… (saved as you pause; Ctrl+Enter saves now)"
        spellCheck
        rows={8}
        value={draft}
        onChange={(e) => onChange(e.target.value)}
        onBlur={save}
        onKeyDown={onKeyDown}
      />
      <TokenCount text={draft} />
    </div>
  );
}
