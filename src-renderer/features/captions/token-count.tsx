import { useEffect, useRef, useState } from 'react';
import { TOKEN_COUNT_MAX_CHARS, type ChannelOutput } from '../../../src-shared/contract/index';
import { parseTags } from '../../../src-shared/tag-text';
import { showToast } from '../../stores/ui-store';
import { api, call } from '../../transport/api';

type Counts = ChannelOutput<'tokens.count'>;

const DEBOUNCE_MS = 250;

/** why a caption past what tokens.count takes is not sent: a sentence with its size, not the schema's refusal */
function tooLongToCount(text: string): string | null {
  if (text.length <= TOKEN_COUNT_MAX_CHARS) return null;
  const tags = parseTags(text).length;
  const kb = Math.round(new TextEncoder().encode(text).length / 1000);
  return `Too long to count: ${tags.toLocaleString('en-US')} ${tags === 1 ? 'tag' : 'tags'} (${kb.toLocaleString('en-US')} KB)`;
}

/** Where to point the app at a T5 tokenizer.json: a dialog on the desktop, a path typed here in a browser. */
function T5Chooser({ onChosen }: { onChosen(): void }) {
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const desktop = api.transport === 'electron';

  const choose = async (input: { path?: string }) => {
    const result = await call('tokens.setT5', input);
    if (!result.ok) {
      showToast(`Could not use that tokenizer: ${result.error.message}`, 'error');
      return;
    }
    setOpen(false);
    setPath('');
    if (result.value.path !== null) onChosen();
  };

  if (desktop) {
    return (
      <button type="button" className="link-button" data-testid="t5-choose" title="Count T5 tokens too (Flux, SD3): choose a tokenizer.json" onClick={() => void choose({})}>
        + T5 token count (Flux, SD3)…
      </button>
    );
  }
  if (!open) {
    return (
      <button type="button" className="link-button" data-testid="t5-choose" title="Count T5 tokens too (Flux, SD3): point at a tokenizer.json" onClick={() => setOpen(true)}>
        + T5 token count (Flux, SD3)…
      </button>
    );
  }
  return (
    <form
      className="t5-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (path.trim() !== '') void choose({ path: path.trim() });
      }}
    >
      <input
        type="text"
        data-testid="t5-path"
        placeholder="Path of a T5 tokenizer.json"
        aria-label="Path of a T5 tokenizer.json"
        spellCheck={false}
        value={path}
        onChange={(e) => setPath(e.target.value)}
      />
      <button type="submit" data-testid="t5-set" disabled={path.trim() === ''}>
        Use
      </button>
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}

/**
 * CLIP tokens of the caption against the 75 that Stable Diffusion and Flux
 * read (warning colour beyond), and T5 tokens of 512 once a T5 tokenizer is set.
 */
export function TokenCount({ text }: { text: string }) {
  const [counts, setCounts] = useState<Counts | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [again, setAgain] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const seq = ++latest.current;
    const tooLong = tooLongToCount(text);
    if (tooLong !== null) {
      setCounts(null);
      setProblem(tooLong);
      return;
    }
    const timer = setTimeout(() => {
      void call('tokens.count', { text }).then((result) => {
        if (seq !== latest.current) return;
        setCounts(result.ok ? result.value : null);
        setProblem(result.ok ? null : `Tokens cannot be counted: ${result.error.message}`);
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, again]);

  if (!counts) {
    return (
      <div className="token-count" data-testid="token-count">
        {problem && (
          <span className="token-problem" data-testid="token-count-problem" title={problem}>
            {problem}
          </span>
        )}
      </div>
    );
  }
  const clipOver = counts.clip > counts.clipLimit;
  const t5Over = counts.t5 !== null && counts.t5 > counts.t5Limit;
  return (
    <div className="token-count" data-testid="token-count">
      <span
        className={clipOver ? 'token-figure token-over' : 'token-figure'}
        data-testid="token-count-clip"
        data-count={counts.clip}
        title={clipOver ? `CLIP reads the first ${counts.clipLimit} tokens: the rest is cut` : 'CLIP tokens'}
      >
        CLIP {counts.clip} / {counts.clipLimit}
      </span>
      {counts.t5 !== null && (
        <span className={t5Over ? 'token-figure token-over' : 'token-figure'} data-testid="token-count-t5" data-count={counts.t5} title="T5 tokens">
          T5 {counts.t5} / {counts.t5Limit}
        </span>
      )}
      <T5Chooser onChosen={() => setAgain((n) => n + 1)} />
    </div>
  );
}
