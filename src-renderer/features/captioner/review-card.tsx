import type { KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { acceptSuggestions, rejectSuggestions } from '../../actions/captioner';
import { type CaptionResult, setEdit, useCaptionerStore } from '../../stores/captioner-store';
import { setImageIndex, useImagesStore } from '../../stores/images-store';
import { imageUrl, useSessionStore } from '../../stores/session-store';
import { CaptionDiff } from './caption-diff';
import { acceptedCaption } from './captioner-text';
import { reviewKeyFor } from './review-keys';

const STATUS_TEXT = { pending: 'to review', accepted: 'accepted', rejected: 'rejected', failed: 'failed' } as const;

const CARD = '[data-testid="captioner-result"]';

/** the card after (or before) this one in the list, for the keys that move and for where focus goes after a decision */
function sibling(card: Element, direction: 'next' | 'previous'): HTMLElement | null {
  let at = direction === 'next' ? card.nextElementSibling : card.previousElementSibling;
  while (at && !at.matches(CARD)) at = direction === 'next' ? at.nextElementSibling : at.previousElementSibling;
  return at instanceof HTMLElement ? at : null;
}

/**
 * One image's suggestion: its thumbnail and name (a click shows the image),
 * the diff of its caption now and after an accept in the chosen mode, and
 * Accept, Edit (then accept the edited text) and Reject. A failed image says
 * why; the model's answer as received is a click away.
 */
export function ReviewCard({ result }: { result: CaptionResult }) {
  const { mode, edit } = useCaptionerStore(useShallow((s) => ({ mode: s.mode, edit: s.edits[result.imageId] ?? null })));
  const index = useImagesStore((s) => s.indexById.get(result.imageId) ?? null);
  const suggestion = edit ?? result.suggested ?? '';
  const separator = useSessionStore((s) => s.session?.separator ?? ', ');
  const next = acceptedCaption(result.current, suggestion, mode, separator);
  const pending = result.status === 'pending';
  const editing = edit !== null && pending;

  const accept = () => void acceptSuggestions(result.runId, [result.imageId]);
  const reject = () => void rejectSuggestions(result.runId, [result.imageId]);

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    const card = event.currentTarget;
    const action = reviewKeyFor({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      inEditBox: event.target instanceof HTMLTextAreaElement,
      onCard: event.target === card,
    });
    if (!action) return;
    const decided = (pending && (action === 'accept' || action === 'reject')) || (editing && action === 'accept-edited');
    if (action === 'edit' && !pending) return;
    if ((action === 'accept' || action === 'reject') && !pending) return;
    event.preventDefault();
    // a decided card leaves the list: the next one takes the focus, so the review goes on from the keyboard
    if (decided) (sibling(card, 'next') ?? sibling(card, 'previous'))?.focus();
    switch (action) {
      case 'accept':
      case 'accept-edited':
        accept();
        return;
      case 'reject':
        reject();
        return;
      case 'edit':
        setEdit(result.imageId, edit ?? result.suggested ?? '');
        return;
      case 'cancel-edit':
        setEdit(result.imageId, null);
        card.focus();
        return;
      case 'next':
      case 'previous':
        sibling(card, action)?.focus();
        return;
    }
  };

  return (
    <li
      className={`captioner-card captioner-card-${result.status}`}
      data-testid="captioner-result"
      data-image-id={result.imageId}
      data-status={result.status}
      tabIndex={0}
      aria-label={`${result.name}, ${STATUS_TEXT[result.status]}`}
      onKeyDown={onKeyDown}
      // the card in focus shows its image large beside the review, so ↑ ↓ walks images and suggestions together
      onFocus={(e) => {
        if (e.target === e.currentTarget && index !== null) setImageIndex(index);
      }}
    >
      <div className="captioner-card-head">
        <img className="captioner-thumb" src={imageUrl(result.imageId, 'thumb')} alt="" loading="lazy" />
        <button
          type="button"
          className="link-button captioner-card-name"
          title="Show this image"
          disabled={index === null}
          onClick={() => index !== null && setImageIndex(index)}
        >
          {result.name}
        </button>
        <span className={`captioner-status captioner-status-${result.status}`}>{STATUS_TEXT[result.status]}</span>
      </div>
      {result.status === 'failed' ? (
        <p className="field-problem" data-testid="captioner-result-error">
          {result.error}
        </p>
      ) : editing ? (
        <textarea
          className="captioner-template"
          data-testid="captioner-edit-text"
          aria-label={`Caption for ${result.name}`}
          rows={4}
          value={edit}
          autoFocus
          onChange={(e) => setEdit(result.imageId, e.target.value)}
        />
      ) : (
        <CaptionDiff current={result.current} next={pending ? next : (result.suggested ?? '')} />
      )}
      {editing && <CaptionDiff current={result.current} next={next} />}
      {pending && (
        <div className="captioner-card-buttons">
          <button
            type="button"
            className="primary"
            data-testid="captioner-accept"
            disabled={editing && edit.trim() === ''}
            title={editing ? 'Accept the edited text (Ctrl Enter)' : 'Write this caption (A)'}
            onClick={accept}
          >
            {editing ? 'Accept edited' : 'Accept'}
          </button>
          {editing ? (
            <button type="button" data-testid="captioner-edit-cancel" onClick={() => setEdit(result.imageId, null)}>
              Undo edits
            </button>
          ) : (
            <button type="button" data-testid="captioner-edit" title="Change the text before accepting it (E)" onClick={() => setEdit(result.imageId, result.suggested ?? '')}>
              Edit
            </button>
          )}
          <button type="button" data-testid="captioner-reject" title="Turn it down: nothing is written (R)" onClick={reject}>
            Reject
          </button>
        </div>
      )}
      {result.raw !== '' && (
        <details className="captioner-raw">
          <summary>The model’s answer as received</summary>
          <pre>{result.raw}</pre>
        </details>
      )}
    </li>
  );
}
