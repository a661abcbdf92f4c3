import type { AutotagPreview } from '../../actions/autotag';
import type { AutotagRun } from '../../stores/autotag-store';

const n = (value: number) => value.toLocaleString('en-US');
const count = (value: number, one: string, many: string) => `${n(value)} ${value === 1 ? one : many}`;

/** "3 images gain 7 tags, 1 image loses 2 tags": what an apply at these settings would do */
export function previewText(preview: AutotagPreview): string {
  if (preview.scored === 0) return 'The run has no scores for these images';
  const { gaining, losing } = preview;
  const parts: string[] = [];
  if (gaining.images > 0) parts.push(`${count(gaining.images, 'image gains', 'images gain')} ${count(gaining.tags, 'tag', 'tags')}`);
  if (losing.images > 0) parts.push(`${count(losing.images, 'image loses', 'images lose')} ${count(losing.tags, 'tag', 'tags')}`);
  if (parts.length === 0) return `No change to any of ${count(preview.scored, 'image', 'images')}`;
  return parts.join(', ');
}

const PROVIDERS: Record<AutotagRun['provider'], string> = { cpu: 'CPU', cuda: 'CUDA', dml: 'DirectML', coreml: 'Core ML' };
export const providerName = (provider: AutotagRun['provider']): string => PROVIDERS[provider];

/** "Scored 12 images, 1 failed, 3 scored before": the three counts a run ends with */
export function runText(run: AutotagRun): string {
  const parts = [`${run.cancelled ? 'Cancelled after scoring' : 'Scored'} ${count(run.scored, 'image', 'images')}`];
  if (run.failed > 0) parts.push(`${n(run.failed)} could not be read`);
  if (run.skipped > 0) parts.push(`${n(run.skipped)} scored by an earlier run, not again`);
  return parts.join(', ');
}

/** "On CPU" or "On CPU: CUDA is not available (reason)": the fallback is said, never hidden */
export const providerText = (run: AutotagRun): string =>
  run.fallback ? `On ${providerName(run.provider)}: ${run.fallback}` : `On ${providerName(run.provider)}`;

/** "0.72": a score as the chips and the review show it */
export const scoreText = (score: number): string => score.toFixed(2);

/** a model as a person names it: a repository id's or a folder's last part (`wd-vit-tagger-v3`) */
export const modelName = (id: string | null): string => (id ? (id.split(/[\\/]/).filter(Boolean).at(-1) ?? id) : 'a model');

/** after an apply in suggest mode: how many images now show ghost chips, and what to do with them */
export const suggestedText = (images: number): string =>
  images === 0
    ? 'No image has a suggestion at these settings'
    : `Suggestions on ${count(images, 'image', 'images')}, after ${images === 1 ? 'its' : 'their'} tags: click or Tab to accept, × to turn down`;
