import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../../src-shared/contract/export';
import { blockingReason, bucketBars, groupText, severityCounts, showLabel } from '../../../src-renderer/features/export/report-reading';

const report = (over: Partial<CheckReport> = {}): CheckReport => ({
  imageCount: 3,
  lines: [],
  buckets: { resolution: 1024, step: 64, counts: [] },
  ...over,
});

describe('export report', () => {
  it('blocks the export only on what makes it impossible', () => {
    expect(blockingReason(report())).toBeNull();
    const leftOut = report({ lines: [{ kind: 'unreadable', severity: 'error', message: 'cannot be read', imageIds: [1] }] });
    expect(blockingReason(leftOut)).toBeNull();
    const tooMany = report({ lines: [{ kind: 'too-many-images', severity: 'error', message: 'at most 1,000', imageIds: [1, 2] }] });
    expect(blockingReason(tooMany)).toBe('at most 1,000');
    expect(blockingReason(report({ imageCount: 0 }))).toMatch(/nothing to export/);
  });

  it('counts lines by severity', () => {
    const lines: CheckReport['lines'] = [
      { kind: 'no-caption', severity: 'warning', message: 'a', imageIds: [1] },
      { kind: 'too-small', severity: 'warning', message: 'b', imageIds: [2] },
      { kind: 'skipped', severity: 'info', message: 'c', imageIds: [3] },
    ];
    expect(severityCounts(lines)).toEqual({ error: 0, warning: 2, info: 1 });
  });

  it('draws buckets against the largest, each at least a sliver', () => {
    const bars = bucketBars([
      { width: 1024, height: 1024, count: 200, imageIds: [] },
      { width: 832, height: 1216, count: 50, imageIds: [] },
      { width: 640, height: 1536, count: 1, imageIds: [7] },
    ]);
    expect(bars.map((b) => [b.label, b.count, b.share])).toEqual([
      ['1024×1024', 200, 1],
      ['832×1216', 50, 0.25],
      ['640×1536', 1, 0.02],
    ]);
    expect(bars[2]!.imageIds).toEqual([7]);
  });

  it('names a duplicate group by its first few images', () => {
    const names = new Map([[1, 'a.png'], [2, 'b.jpg'], [3, 'c.png'], [4, 'd.png']]);
    expect(groupText([1, 2], (id) => names.get(id))).toBe('a.png, b.jpg');
    expect(groupText([1, 2, 3, 4, 9], (id) => names.get(id))).toBe('a.png, b.jpg, c.png and 2 more');
    expect(groupText([9], () => undefined)).toBe('image 9');
  });

  it('labels the images a line shows with its first clause', () => {
    expect(showLabel('4 images without a caption: they are exported without a .txt file.')).toBe('4 images without a caption');
    expect(showLabel('1 file over 50.0 MB, Civitai\'s limit per file: a longest side of 2048 helps.')).toBe("1 file over 50.0 MB, Civitai's limit per file");
    expect(showLabel("Civitai's trainer takes at most 1,000 images; 1,005 would be exported.")).toBe("Civitai's trainer takes at most 1,000 images");
    expect(showLabel('2 images marked to skip will be left out.')).toBe('2 images marked to skip will be left out');
  });
});
