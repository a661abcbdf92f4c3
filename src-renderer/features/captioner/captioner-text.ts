/** The captioning panel's sentences, as plain functions the tests read. */
import { baseUrlSchema } from '../../../src-shared/contract';
import { joinTags, parseTags } from '../../../src-shared/tag-text';

const n = (value: number) => value.toLocaleString('en-US');
const count = (value: number, one: string, many: string) => `${n(value)} ${value === 1 ? one : many}`;

interface RunOutcome {
  captioned: number;
  failed: number;
  skipped: number;
  cancelled: boolean;
}

/** "Captioned 3 images, 1 failed", with what a resumed run took over and whether it was cut short */
export function runText(run: RunOutcome): string {
  const parts = [run.captioned === 0 ? 'No image captioned' : `Captioned ${count(run.captioned, 'image', 'images')}`];
  if (run.failed > 0) parts.push(`${n(run.failed)} failed`);
  if (run.skipped > 0) parts.push(`${n(run.skipped)} answered before, not sent again`);
  const done = parts.join(', ');
  return run.cancelled ? `Cancelled. ${done}. The same settings again go on where it stopped` : done;
}

interface RunLine {
  id: number;
  model: string;
  startedAt: number;
  images: number;
  pending: number;
}

/** one run in the review's picker: "#3 · qwen2.5vl:7b · 12 images · 5 to review · 4 Dec 21:04" */
export function runLabel(run: RunLine): string {
  const when = new Date(run.startedAt).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  const pending = run.pending > 0 ? ` · ${n(run.pending)} to review` : '';
  return `#${run.id} · ${run.model} · ${count(run.images, 'image', 'images')}${pending} · ${when}`;
}

/**
 * The caption an accept would write, for the review to show, by main's rule:
 * `replace` is the text alone; `append` puts it after the existing tags as one
 * more tag, joined with the dataset's separator (the Civitai "tags + caption"
 * style), and leaves a caption that already ends with it as it is. A person's
 * edit is sent with its runs of whitespace as one space, as main keeps it.
 */
export function acceptedCaption(current: string, text: string, mode: 'replace' | 'append', separator = ', '): string {
  const kept = text.replace(/\s+/g, ' ').trim();
  if (mode === 'replace') return kept;
  const tags = parseTags(current);
  return joinTags(tags.at(-1) === kept ? tags : [...tags, kept], separator);
}

/** the review's bulk buttons and their counts */
export const acceptAllText = (pending: number) => `Accept all ${n(pending)} pending`;
export const rejectAllText = (pending: number) => `Reject all ${n(pending)} pending`;
export const againText = (rejected: number) => `Caption the ${count(rejected, 'rejected image', 'rejected images')} again`;

/** "Caption the 3 selected images", from the batch panel's own words for the target */
export const runButtonText = (target: string | null) => (target ? `Caption ${target}` : 'Caption');

/**
 * Why a backend's address cannot be saved, in the contract's own rule (a
 * refusal by main would show only that the request was malformed), or null.
 */
export function addressProblem(address: string): string | null {
  if (address.trim() === '') return 'Type the server’s address, such as http://127.0.0.1:11434';
  const checked = baseUrlSchema.safeParse(address.trim());
  return checked.success ? null : `The server’s address must be ${checked.error.issues[0]?.message ?? 'an http:// or https:// URL'}`;
}
