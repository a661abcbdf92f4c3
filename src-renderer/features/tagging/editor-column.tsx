import './editor-column.css';
import { type ReactNode, useEffect, useState } from 'react';
import { useAutotagStore } from '../../stores/autotag-store';
import { useCaptionerStore } from '../../stores/captioner-store';
import { useSelectionStore } from '../../stores/selection-store';
import { useUiStore } from '../../stores/ui-store';
import { AutotagPanel } from '../autotag/autotag-panel';
import { BatchPanel } from '../batch/batch-panel';
import { CaptionerPanel } from '../captioner/captioner-panel';
import { CaptionPanel } from '../captions/caption-panel';

type Tab = 'image' | 'batch' | 'autotag' | 'captioner';

/** The editing column: the image on screen, batch edits of many, machine tagging or machine captions. Switching keeps every panel's inputs. */
export function EditorColumn() {
  const [chosen, setTab] = useState<Tab>('image');
  const selected = useSelectionStore((s) => s.selected.size);
  // Ctrl L / Enter ask for the tag input: show it in this very render, so the input can take focus
  const wantsInput = useUiStore((s) => s.focusRequest?.target === 'tag-input');
  const tab = wantsInput ? 'image' : chosen;
  useEffect(() => {
    if (wantsInput) setTab('image');
  }, [wantsInput]);
  // the toolbar's Auto-tag button and its key ask for the auto-tag panel
  const autotagRequest = useAutotagStore((s) => s.openRequest);
  useEffect(() => {
    if (autotagRequest > 0) setTab('autotag');
  }, [autotagRequest]);
  const captionerRequest = useCaptionerStore((s) => s.openRequest);
  useEffect(() => {
    if (captionerRequest > 0) setTab('captioner');
  }, [captionerRequest]);
  return (
    <div className="editor-column">
      <div className="editor-tabs" role="tablist" aria-label="Edit">
        <EditorTab id="image" on={tab} pick={setTab} title="This image's caption">
          Image
        </EditorTab>
        <EditorTab id="batch" on={tab} pick={setTab}>
          Batch{selected > 0 ? ` · ${selected.toLocaleString('en-US')} selected` : ''}
        </EditorTab>
        <EditorTab id="autotag" on={tab} pick={setTab}>
          Auto-tag
        </EditorTab>
        <EditorTab id="captioner" on={tab} pick={setTab} title="Captions written by a vision-language model (C)">
          AI captions
        </EditorTab>
      </div>
      {/* both stay mounted: half-typed batch inputs survive a look at the image */}
      <div className="editor-tab-body" hidden={tab !== 'image'}>
        <CaptionPanel />
      </div>
      <div className="editor-tab-body" hidden={tab !== 'batch'}>
        <BatchPanel active={tab === 'batch'} />
      </div>
      <div className="editor-tab-body" hidden={tab !== 'autotag'}>
        <AutotagPanel active={tab === 'autotag'} />
      </div>
      <div className="editor-tab-body" hidden={tab !== 'captioner'}>
        <CaptionerPanel active={tab === 'captioner'} />
      </div>
    </div>
  );
}

function EditorTab({ id, on, pick, title, children }: { id: Tab; on: Tab; pick(tab: Tab): void; title?: string; children: ReactNode }) {
  return (
    <button
      type="button"
      role="tab"
      className={on === id ? 'editor-tab editor-tab-on' : 'editor-tab'}
      data-testid={`tab-${id}`}
      title={title}
      aria-selected={on === id}
      onClick={() => pick(id)}
    >
      {children}
    </button>
  );
}
