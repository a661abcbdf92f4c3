import { describe, expect, it } from 'vitest';
import { IMAGE_LIST_PAGE, type ChannelOutput, type ImageSummary } from '../../../src-shared/contract';
import { listAllImages } from '../../../src-shared/list-images';
import type { Result } from '../../../src-shared/result';

const summary = (id: number): ImageSummary => ({ id, name: `img_${id}.png`, status: 'todo', tagCount: 0, width: 1, height: 1, bytes: 100, hasConflict: false });

/** a session's list as images.list serves it; `change` runs before each page is answered */
function server(ids: () => number[], version: () => number) {
  const asked: { offset: number; limit: number }[] = [];
  const page = async (input: { offset: number; limit: number }): Promise<Result<ChannelOutput<'images.list'>>> => {
    asked.push(input);
    const all = ids();
    return { ok: true, value: { items: all.slice(input.offset, input.offset + input.limit).map(summary), total: all.length, version: version() } };
  };
  return { page, asked };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('listAllImages', () => {
  it('reads a long list a page at a time, in order, every image once', async () => {
    const ids = range(2 * IMAGE_LIST_PAGE + 7);
    const { page, asked } = server(() => ids, () => 1);
    const all = await listAllImages(page);
    expect(all.ok && all.value.map((s) => s.id)).toEqual(ids);
    expect(asked).toEqual([0, IMAGE_LIST_PAGE, 2 * IMAGE_LIST_PAGE].map((offset) => ({ offset, limit: IMAGE_LIST_PAGE })));
  });

  it('reads an empty list in one call', async () => {
    const { page, asked } = server(() => [], () => 1);
    expect(await listAllImages(page)).toEqual({ ok: true, value: [] });
    expect(asked).toHaveLength(1);
  });

  it('starts again when the list changes between two pages, and gives the new list whole', async () => {
    let ids = range(IMAGE_LIST_PAGE + 5);
    let version = 1;
    const { page } = server(
      () => ids,
      () => version,
    );
    const changing = async (input: { offset: number; limit: number }) => {
      const answer = await page(input);
      // a resync lands after the first page: one image gone from the front, two new at the end
      if (version === 1 && input.offset === 0) {
        ids = [...ids.slice(1), 900_001, 900_002];
        version = 2;
      }
      return answer;
    };
    const all = await listAllImages(changing);
    expect(all.ok && all.value.map((s) => s.id)).toEqual(ids);
  });

  it('gives up with "busy" on a list that changes on every page, and passes an error through', async () => {
    let version = 0;
    const { page } = server(() => range(IMAGE_LIST_PAGE + 1), () => version++);
    expect(await listAllImages(page)).toMatchObject({ ok: false, error: { code: 'busy' } });
    const failing = async () => ({ ok: false as const, error: { code: 'no-session' as const, message: 'no folder is open' } });
    expect(await listAllImages(failing)).toEqual({ ok: false, error: { code: 'no-session', message: 'no folder is open' } });
  });
});
