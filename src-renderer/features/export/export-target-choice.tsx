import type { ExportTarget } from '../../../src-shared/contract/export';
import { chooseTarget } from '../../actions/export';

const TARGETS: ReadonlyArray<{ id: ExportTarget; title: string; line: string }> = [
  {
    id: 'civitai',
    title: 'Civitai trainer zip',
    line: "A zip for Civitai's on-site trainer: images and .txt captions at its root, at most 1,000 images of 50 MB.",
  },
  {
    id: 'kohya',
    title: 'kohya-ss folder',
    line: 'A <repeats>_<name> folder of images and .txt captions for sd-scripts, with a dataset.toml if you like.',
  },
  {
    id: 'ai-toolkit',
    title: 'ai-toolkit / OneTrainer folder',
    line: 'One folder of images with same-named .txt captions; the trigger can be written as [trigger].',
  },
];

/** Which trainer the dataset is for; it decides the layout, the limits and the default output path. */
export function ExportTargetChoice({ target }: { target: ExportTarget }) {
  return (
    <fieldset className="export-targets">
      <legend>Export for</legend>
      {TARGETS.map((t) => (
        <label key={t.id} className={t.id === target ? 'export-target export-target-chosen' : 'export-target'} data-testid={`export-target-${t.id}`}>
          <input type="radio" name="export-target" value={t.id} checked={t.id === target} onChange={() => chooseTarget(t.id)} />
          <span className="export-target-title">{t.title}</span>
          <span className="export-target-line">{t.line}</span>
        </label>
      ))}
    </fieldset>
  );
}
