import { describe, expect, it, vi } from 'vitest';

// a stand-in transport: every request fails (nothing here needs a list), image URLs as the serve client makes them
vi.mock('../../../src-renderer/transport/api', () => {
  const failed = { ok: false, error: { code: 'io', message: 'no server here' } };
  const api = {
    on: () => () => undefined,
    invoke: async () => failed,
    imageUrl: (id: number, kind: string, version?: string | number) => `/image/${id}/${kind}${version === undefined ? '' : `?v=${version}`}`,
  };
  return { api, transport: { api }, call: async () => failed };
});

const { enterSession } = await import('../../../src-renderer/actions/session-flow');
const { imageUrl } = await import('../../../src-renderer/stores/session-store');

const folder = (datasetDir: string) =>
  ({ root: datasetDir, datasetDir, name: datasetDir, position: { index: 0, imageId: null }, stats: { total: 1, tagged: 0, skipped: 0, todo: 1 } }) as never;

describe('image URLs', () => {
  it("are new in each folder entered: image 1 of one folder is never the page's copy of another's image 1", async () => {
    await enterSession(folder('/data/one'));
    const first = imageUrl(1, 'thumb');
    await enterSession(folder('/data/two'));
    const second = imageUrl(1, 'thumb');
    expect(second).not.toBe(first);
    // the same folder opened again: new again (a picture may have changed while it was closed)
    await enterSession(folder('/data/two'));
    expect(imageUrl(1, 'thumb')).not.toBe(second);
    // a failed load asks again under a URL of its own
    expect(imageUrl(1, 'thumb', 1)).not.toBe(imageUrl(1, 'thumb'));
  });
});
