import type { BatchTarget } from '../../../src-shared/contract/index';
import { listNames } from '../../logic/history-message';

const n = (value: number) => value.toLocaleString('en-US');
const images = (count: number) => `${n(count)} ${count === 1 ? 'image' : 'images'}`;

/** under a preview's examples: "4 of 34 shown", so a short list is not read as everything that changes */
export function samplesShownText(shown: number, changes: number): string | null {
  return shown > 0 && shown < changes ? `${n(shown)} of ${n(changes)} shown` : null;
}

/**
 * "37 images will change", and of how many the operation looked at when that
 * says something (a batch on a selection); a tag's rename or delete looks at
 * every image, so there the total is left out.
 */
export function previewText(changes: number, targeted: number, withTargeted = true): string {
  if (targeted === 0) return 'No images to change';
  if (changes === 0) return `No change to any of ${images(targeted)}`;
  const verb = changes === 1 ? 'image will change' : 'images will change';
  return changes === targeted || !withTargeted ? `${n(changes)} ${verb}` : `${n(changes)} ${verb} (of ${images(targeted)})`;
}

/**
 * What a finished batch did, which captions it left alone because another
 * program changed them, and which refused the edit (read-only…), with the
 * first refusal's reason.
 */
export function resultText(
  changed: number,
  conflicts: readonly string[],
  refused: readonly { name: string; reason: string }[] = [],
): { text: string; tone: 'info' | 'error' } {
  const done = changed === 0 ? 'No image changed' : `Changed ${images(changed)}`;
  const parts = [done];
  if (conflicts.length > 0) {
    const one = conflicts.length === 1;
    parts.push(`${images(conflicts.length)} changed on disk meanwhile and ${one ? 'was left as it is' : 'were left as they are'}: ${listNames(conflicts)}`);
  }
  if (refused.length > 0) {
    const names = listNames(refused.map((r) => r.name));
    parts.push(`${images(refused.length)} could not be changed: ${names} (${refused[0]!.reason})`);
  }
  return { text: parts.join('; '), tone: parts.length > 1 ? 'error' : 'info' };
}

export type TargetKind = BatchTarget['kind'];

/** "the 5 selected images", "the 120 filtered images", "all 4,000 images" */
export function targetText(kind: TargetKind, count: number): string {
  if (kind === 'all') return `all ${images(count)}`;
  return `the ${n(count)} ${kind} ${count === 1 ? 'image' : 'images'}`;
}
