import '../styles/setup.css';
import { type FormEvent, useState } from 'react';
import type { SessionMode } from '../../src-shared/contract';
import { segmentSchema } from '../../src-shared/contract/session';
import { leaveSetup, startSetup } from '../actions/open-folder';
import type { FolderProbe } from '../stores/session-store';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** the same rule main applies to folder and file names, checked here so the mistake shows beside the field */
function segmentError(value: string): string | null {
  const parsed = segmentSchema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not a valid name');
}

/** A folder seen for the first time: copy its images into a clean numbered set, or tag them where they are. */
export function SetupScreen({ probe }: { probe: FolderProbe }) {
  // a folder that already has captions was most likely tagged in place before
  const [mode, setMode] = useState<SessionMode>(probe.captionCount > 0 ? 'in-place' : 'import');
  const [outputDir, setOutputDir] = useState(probe.outputDir);
  const [prefix, setPrefix] = useState(probe.prefix);
  const [starting, setStarting] = useState(false);

  const outputError = mode === 'import' ? segmentError(outputDir) : null;
  const prefixError = mode === 'import' ? segmentError(prefix) : null;
  const blocked = starting || outputError !== null || prefixError !== null || (mode === 'import' && !probe.writable);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    setStarting(true);
    void startSetup(probe, { mode, outputDir: outputDir.trim(), prefix: prefix.trim() });
  };

  return (
    <main className="setup" data-testid="setup-screen">
      <form className="setup-form" onSubmit={onSubmit}>
        <h1>{probe.name}</h1>
        <p className="setup-summary" data-testid="setup-summary">
          {plural(probe.imageCount, 'image', 'images')}, {plural(probe.captionCount, 'caption', 'captions')} found in{' '}
          <span className="path">{probe.path}</span>
        </p>
        {!probe.writable && (
          <p className="setup-warning" data-testid="not-writable-warning" role="alert">
            This folder cannot be written to. Importing needs a writable folder, and in place your edits cannot be saved
            until its permissions change.
          </p>
        )}

        <fieldset className="setup-modes">
          <legend>How should LoRA Tagger work with these images?</legend>
          <label className={mode === 'import' ? 'setup-mode setup-mode-chosen' : 'setup-mode'} data-testid="mode-import">
            <input type="radio" name="mode" value="import" checked={mode === 'import'} onChange={() => setMode('import')} />
            <span className="setup-mode-title">Import copies</span>
            <span className="setup-mode-text">
              Copies every valid image into {probe.name}/{outputDir || '…'}/ as {prefix || '…'}_001.ext, … with an empty .txt
              beside each. The originals are not touched.
            </span>
            <span className="setup-fields">
              <span className="field">
                <span className="field-label">Output folder</span>
                <input
                  type="text"
                  data-testid="setup-output-dir"
                  value={outputDir}
                  disabled={mode !== 'import'}
                  aria-invalid={outputError !== null}
                  onChange={(e) => setOutputDir(e.target.value)}
                />
                {outputError && <span className="field-error">{outputError}</span>}
              </span>
              <span className="field">
                <span className="field-label">File name prefix</span>
                <input
                  type="text"
                  data-testid="setup-prefix"
                  value={prefix}
                  disabled={mode !== 'import'}
                  aria-invalid={prefixError !== null}
                  onChange={(e) => setPrefix(e.target.value)}
                />
                {prefixError && <span className="field-error">{prefixError}</span>}
              </span>
            </span>
          </label>

          <label className={mode === 'in-place' ? 'setup-mode setup-mode-chosen' : 'setup-mode'} data-testid="mode-in-place">
            <input
              type="radio"
              name="mode"
              value="in-place"
              checked={mode === 'in-place'}
              onChange={() => setMode('in-place')}
            />
            <span className="setup-mode-title">Tag in place</span>
            <span className="setup-mode-text">
              Uses the images and their existing .txt captions where they are, subfolders included.
            </span>
          </label>
        </fieldset>

        <div className="setup-buttons">
          <button type="button" data-testid="setup-back" onClick={leaveSetup} disabled={starting}>
            Back
          </button>
          <button type="submit" className="primary" data-testid="setup-start" disabled={blocked}>
            Start
          </button>
        </div>
      </form>
    </main>
  );
}
