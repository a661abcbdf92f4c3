import { describe, expect, it } from 'vitest';
import { exportOptionsSchema } from '../../../../src-shared/contract/export';

describe('exportOptionsSchema', () => {
  it('fills every default from the smallest valid payload', () => {
    const parsed = exportOptionsSchema.parse({ target: 'civitai', out: { kind: 'zip', path: '/tmp/x.zip' } });
    expect(parsed).toEqual({
      target: 'civitai',
      out: { kind: 'zip', path: '/tmp/x.zip' },
      trigger: null,
      maxSide: null,
      format: 'keep',
      jpgQuality: 95,
      keepMetadata: false,
      background: '#ffffff',
      rename: 'keep',
      kohya: { repeats: 10, name: 'dataset', writeToml: true, resolution: 1024, minBucket: 256, maxBucket: 1024, bucketStep: 64 },
      aiToolkitTriggerPlaceholder: false,
    });
  });

  it('treats a blank trigger as none and trims it', () => {
    const base = { target: 'kohya', out: { kind: 'folder', path: '/tmp/x' } } as const;
    expect(exportOptionsSchema.parse({ ...base, trigger: '   ' }).trigger).toBeNull();
    expect(exportOptionsSchema.parse({ ...base, trigger: ' ohwx ' }).trigger).toBe('ohwx');
  });

  it('refuses what a trainer would refuse', () => {
    const base = { target: 'kohya', out: { kind: 'folder', path: '/tmp/x' } } as const;
    expect(exportOptionsSchema.safeParse({ ...base, jpgQuality: 0 }).success).toBe(false);
    expect(exportOptionsSchema.safeParse({ ...base, background: 'white' }).success).toBe(false);
    expect(exportOptionsSchema.safeParse({ ...base, kohya: { name: '../up' } }).success).toBe(false);
    expect(exportOptionsSchema.safeParse({ ...base, kohya: { minBucket: 300 } }).success).toBe(false);
    expect(exportOptionsSchema.safeParse({ ...base, kohya: { resolution: 1536 } }).success).toBe(false);
    expect(exportOptionsSchema.safeParse({ ...base, trigger: 'a\nb' }).success).toBe(false);
  });
});
