import { useShallow } from 'zustand/react/shallow';
import { acceptSuggestions, rejectSuggestions } from '../../actions/captioner';
import { type CaptionResult, setEdit, useCaptionerStore } from '../../stores/captioner-store';
import { setImageIndex, useImagesStore } from '../../stores/images-store';
import { useSessionStore } from '../../stores/session-store';
import { api } from '../../transport/api';
import { CaptionDiff } from './caption-diff';
import { acceptedCaption } from './captioner-text';

const STATUS_TEXT = { pending: 'to review', accepted: 'accepted', rejected: 'rejected', failed: 'failed' } as const;

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

  return (
    <li className={`captioner-card captioner-card-${result.status}`} data-testid="captioner-result" data-image-id={result.imageId} data-status={result.status}>
      <div className="captioner-card-head">
        <img className="captioner-thumb" src={api.imageUrl(result.imageId, 'thumb')} alt="" loading="lazy" />
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
            onClick={() => void acceptSuggestions(result.runId, [result.imageId])}
          >
            {editing ? 'Accept edited' : 'Accept'}
          </button>
          {editing ? (
            <button type="button" data-testid="captioner-edit-cancel" onClick={() => setEdit(result.imageId, null)}>
              Undo edits
            </button>
          ) : (
            <button type="button" data-testid="captioner-edit" onClick={() => setEdit(result.imageId, result.suggested ?? '')}>
              Edit
            </button>
          )}
          <button type="button" data-testid="captioner-reject" onClick={() => void rejectSuggestions(result.runId, [result.imageId])}>
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
