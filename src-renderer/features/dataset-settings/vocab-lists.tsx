import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-shared/contract/index';
import { showToast } from '../../stores/ui-store';
import { api, call } from '../../transport/api';

type VocabList = ChannelOutput<'vocab.lists'>['lists'][number];

const n = (value: number) => value.toLocaleString('en-US');

/**
 * Tag lists for autocomplete beyond the Danbooru one that ships with the app:
 * a tagcomplete CSV (`name,type,count,"aliases"`) or a plain list. The desktop
 * app asks for the file with a dialog; in a browser, main can only read a path
 * typed here (inside the folder it serves).
 */
export function VocabLists() {
  const [lists, setLists] = useState<VocabList[] | null>(null);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const desktop = api.transport === 'electron';

  const load = async () => {
    const result = await call('vocab.lists', {});
    if (result.ok) setLists(result.value.lists);
    else showToast(`Could not read the tag lists: ${result.error.message}`, 'error');
  };
  useEffect(() => void load(), []);

  const importList = async () => {
    setBusy(true);
    const result = await call('vocab.import', desktop ? {} : { path: path.trim() });
    setBusy(false);
    if (!result.ok) {
      showToast(`Could not import the list: ${result.error.message}`, 'error');
      return;
    }
    const { source, tags, skipped } = result.value;
    if (source === null) return; // the dialog was cancelled
    const skippedText = skipped > 0 ? ` (${n(skipped)} unreadable ${skipped === 1 ? 'line' : 'lines'} skipped)` : '';
    showToast(`Imported ${n(tags)} tags from ${source}${skippedText}`);
    setPath('');
    void load();
  };

  const remove = async (source: string) => {
    const result = await call('vocab.remove', { source });
    if (result.ok) void load();
    else showToast(`Could not remove the list: ${result.error.message}`, 'error');
  };

  return (
    <section className="vocab-lists" aria-label="Tag lists for autocomplete">
      <h3>Tag lists</h3>
      {lists === null ? (
        <p className="muted">Loading…</p>
      ) : lists.length === 0 ? (
        <p className="muted">Only the Danbooru list that ships with the app.</p>
      ) : (
        <ul className="vocab-list-rows">
          {lists.map((list) => (
            <li key={list.source} data-testid="vocab-list" data-source={list.source}>
              <span className="path" title={list.source}>
                {list.source}
              </span>
              <span className="muted">{n(list.tags)} tags</span>
              <button type="button" className="link-button" data-testid="vocab-remove" aria-label={`Remove ${list.source}`} onClick={() => void remove(list.source)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="vocab-import"
        onSubmit={(e) => {
          e.preventDefault();
          void importList();
        }}
      >
        {!desktop && (
          <input
            type="text"
            data-testid="vocab-import-path"
            placeholder="Path of a .csv or .txt inside the served folder"
            aria-label="Path of the tag list to import"
            spellCheck={false}
            value={path}
            onChange={(e) => setPath(e.target.value)}
          />
        )}
        <button type="submit" data-testid="vocab-import" disabled={busy || (!desktop && path.trim() === '')}>
          {busy ? 'Importing…' : desktop ? 'Import a tag list…' : 'Import'}
        </button>
      </form>
    </section>
  );
}
