import { describe, expect, it } from 'vitest';
import { bucketHistogram, bucketResolutions, selectBucket } from '../../../../src-main/core/export/kohya-buckets';

// Worked by hand from kohya's rule: height = min(max, floor(floor(res² / width) / step) * step)
const sd15 = { resolution: 512, minBucket: 256, maxBucket: 1024, step: 64 };
const sdxl = { resolution: 1024, minBucket: 256, maxBucket: 1024, step: 64 };

describe('bucketResolutions', () => {
  it('makes the SD 1.5 buckets at 512', () => {
    const landscape = bucketResolutions(sd15).filter(([w, h]) => w >= h);
    expect(landscape).toEqual([
      [512, 512],
      [576, 448],
      [640, 384],
      [704, 320],
      [768, 320],
      [832, 256],
      [896, 256],
      [960, 256],
      [1024, 256],
    ]);
    expect(bucketResolutions(sd15)).toHaveLength(17);
  });

  it('keeps every bucket within the area, the step and the bounds', () => {
    for (const [w, h] of bucketResolutions(sdxl)) {
      expect(w * h).toBeLessThanOrEqual(1024 * 1024);
      expect(w % 64).toBe(0);
      expect(h % 64).toBe(0);
      expect(Math.min(w, h)).toBeGreaterThanOrEqual(256);
      expect(Math.max(w, h)).toBeLessThanOrEqual(1024);
    }
  });
});

describe('selectBucket', () => {
  it('picks the bucket with the nearest aspect ratio', () => {
    // 1.5: 640×384 is 1.667 (off by .167), 576×448 is 1.286 (off by .214)
    expect(selectBucket(600, 400, bucketResolutions(sd15))).toEqual([640, 384]);
    // 1.5 at 1024: 1024×704 is 1.4545 (off by .045), 1024×640 is 1.6 (off by .1)
    expect(selectBucket(1200, 800, bucketResolutions(sdxl))).toEqual([1024, 704]);
    expect(selectBucket(800, 1200, bucketResolutions(sdxl))).toEqual([704, 1024]);
  });

  it('sends any square image to the square bucket, small or large', () => {
    expect(selectBucket(300, 300, bucketResolutions(sdxl))).toEqual([1024, 1024]);
    expect(selectBucket(4000, 4000, bucketResolutions(sd15))).toEqual([512, 512]);
  });

  it('prefers the bucket of exactly the image size', () => {
    expect(selectBucket(704, 320, bucketResolutions(sd15))).toEqual([704, 320]);
  });

  it('on a tie takes the first bucket in (width, height) order, as numpy argmin does', () => {
    // 832×256 and 896×256 are 3.25 and 3.5; 27:8 is 3.375, exactly .125 from each (dyadic, no rounding)
    expect(selectBucket(27, 8, bucketResolutions(sd15))).toEqual([832, 256]);
  });
});

describe('bucketHistogram', () => {
  it('counts images per bucket, fullest first', () => {
    const images = [
      { key: 1, width: 1200, height: 800 },
      { key: 2, width: 512, height: 512 },
      { key: 3, width: 1500, height: 1000 },
      { key: 4, width: 0, height: 0 },
    ];
    expect(bucketHistogram(images, sdxl)).toEqual([
      { width: 1024, height: 704, keys: [1, 3] },
      { width: 1024, height: 1024, keys: [2] },
    ]);
  });
});
