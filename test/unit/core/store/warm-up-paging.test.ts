import { describe, expect, it } from 'vitest';
import { madeUpPage, unpackPage } from '../../../../src-main/core/store/folder-sync';
import { SessionStore } from '../../../../src-main/core/store/session-store';

/**
 * Before any folder opens, main unpacks made-up pages so that V8 has compiled
 * that code by the first open (SessionStore.warmUp). The page must be one a
 * real list could send, or the code is made warm for values it never meets.
 */
describe("main's warm-up of taking a list", () => {
  it('unpacks a made-up page that is a real one: images in order, each with its caption and no read error', () => {
    const images = unpackPage(madeUpPage(300));
    expect(images).toHaveLength(300);
    images.forEach(({ row, captionRel, caption, readError }, i) => {
      expect(row).toMatchObject({ id: i + 1, ord: i, relPath: `10_name/img_${i}.png`, width: 512, height: 384, format: 'png', probed: true, skip: false });
      expect(captionRel).toBe(`10_name/img_${i}.txt`);
      expect(caption).toMatchObject({ imageId: i + 1, onDisk: true, encoding: 'utf8', text: `tag ${i % 7}, shared, img ${i}` });
      expect(readError).toBeUndefined();
    });
  });

  it('runs to its end in slices, and stops when told', async () => {
    await expect(SessionStore.warmUp()).resolves.toBeUndefined();
    await expect(SessionStore.warmUp(AbortSignal.abort())).rejects.toThrow();
  });
});
