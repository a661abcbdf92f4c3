import type { BucketCount, CheckLine, CheckReport } from '../../../src-shared/contract/export';

/**
 * Reading the pre-export check's report for the dialog: what stops the
 * export, what the histogram draws, how duplicate groups are named.
 */

/** findings that make the export impossible, as opposed to images it leaves out */
const BLOCKING: ReadonlySet<CheckLine['kind']> = new Set(['too-many-images']);

/** why Export is disabled, or null when it may run */
export function blockingReason(report: CheckReport): string | null {
  if (report.imageCount === 0) return 'Every image is marked to skip: there is nothing to export.';
  return report.lines.find((line) => BLOCKING.has(line.kind))?.message ?? null;
}

export type Severity = CheckLine['severity'];

export function severityCounts(lines: readonly CheckLine[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const line of lines) counts[line.severity]++;
  return counts;
}

export interface BucketBar {
  label: string;
  count: number;
  /** 0..1 of the largest bucket, so the biggest bar fills the row */
  share: number;
  imageIds: number[];
}

/** in the order main sends them (largest first); a bucket always shows at least a sliver */
export function bucketBars(counts: readonly BucketCount[]): BucketBar[] {
  const largest = Math.max(1, ...counts.map((c) => c.count));
  return counts.map((c) => ({
    label: `${c.width}×${c.height}`,
    count: c.count,
    share: Math.max(0.02, c.count / largest),
    imageIds: c.imageIds,
  }));
}

/** 'a.png, b.jpg and 3 more': a duplicate group in one line, names looked up in the image list */
export function groupText(group: readonly number[], nameOf: (id: number) => string | undefined, shown = 3): string {
  const names = group.slice(0, shown).map((id) => nameOf(id) ?? `image ${id}`);
  const rest = group.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
}

/**
 * A report line's message cut to its first clause, as the label of the
 * images it shows: "4 images without a caption" rather than the whole advice
 * (the filter bar puts its own count after it).
 */
export const showLabel = (message: string): string => message.split(/: |\. |; /)[0]!.replace(/\.$/, '');

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
