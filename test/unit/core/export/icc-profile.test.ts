import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { isSrgbProfile } from '../../../../src-main/core/export/icc-profile';

const profileOf = async (name: string) =>
  (await sharp(await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } }).jpeg().withIccProfile(name).toBuffer()).metadata()).icc!;

describe('isSrgbProfile', () => {
  it('tells an sRGB profile from Display P3', async () => {
    expect(isSrgbProfile(await profileOf('srgb'))).toBe(true);
    expect(isSrgbProfile(await profileOf('p3'))).toBe(false);
  });

  it('takes an unreadable profile for not sRGB', () => {
    expect(isSrgbProfile(Buffer.alloc(10))).toBe(false);
    expect(isSrgbProfile(Buffer.alloc(200))).toBe(false);
  });
});
