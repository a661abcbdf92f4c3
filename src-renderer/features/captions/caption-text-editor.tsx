import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { setCaptionText, type TextBase } from '../../actions/caption-edits';
import { TokenCount } from './token-count';

const SAVE_AFTER_MS = 1200;

interface CaptionTextEditorProps {
  imageId: number;
  /** the caption as main last told it, and its revision */
  text: string;
  revision: number;
  /** a conflict waits to be settled: the box keeps the typing until one version is chosen */
  inConflict: boolean;
}

/**
 * A natural-language caption (Flux) edited as free text. It is written on
 * blur, on Ctrl+Enter, and a moment after typing stops.
 *
 * The draft keeps the caption it was typed over (`base`). A change from
 * elsewhere (another program, another window) replaces an untouched draft;
 * a draft with unsaved typing is kept, with its old base, so saving it is
 * refused by main as a conflict that keeps both versions (the banner shows
 * them; the box keeps the typing until one is chosen, then shows it). Mount
 * it keyed by image: what was typed for one image is saved for that image on
 * the way out.
 */
export function CaptionTextEditor({ imageId, text, revision, inConflict }: CaptionTextEditorProps) {
  const [draft, setDraft] = useState(text);
  // refs, not state: a save moves the base on while the queue runs, before React renders its answer
  const base = useRef<TextBase>({ text, revision });
  const shown = useRef(text);
  const sent = useRef<string | null>(null);
  const pending = useRef(false);

  const show = (value: string) => {
    shown.current = value;
    setDraft(value);
  };

  useEffect(() => {
    if (inConflict) return;
    if (revision === base.current.revision) {
      // the answer to our own save: show main's form of it (newlines become spaces) unless typing went on
      if (shown.current === sent.current) show(text);
      return;
    }
    if (shown.current !== base.current.text) return; // unsaved typing: keep it, and what it was typed over
    base.current = { text, revision };
    show(text);
  }, [text, revision, inConflict]);

  const save = () => {
    if (!pending.current) return;
    pending.current = false;
    sent.current = shown.current;
    void setCaptionText(imageId, shown.current, base.current);
  };

  useEffect(() => {
    if (!pending.current) return;
    const timer = setTimeout(save, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  // leaving the image (or the text view) with unsaved typing saves it
  useEffect(() => save, []);

  const onChange = (value: string) => {
    show(value);
    pending.current = value !== base.current.text;
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
