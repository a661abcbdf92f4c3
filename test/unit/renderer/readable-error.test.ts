import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiHost } from '../../../src-main/api/create-api-host';
import { readableError } from '../../../src-renderer/transport/readable-error';
import { writeBytes } from '../../support/make-images';
import { makeTempDir } from '../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

describe('api errors on screen', () => {
  it("a payload past the contract's size reads as a sentence, not the schema's words, and main keeps answering", async () => {
    const api = createApiHost({
      transport: 'serve',
      userDataDir: join(tmp.path, 'data'),
      cacheDir: join(tmp.path, 'cache'),
      servedFolder: null,
      version: 'test',
    });
    try {
      const text = Array.from({ length: 60_000 }, (_, i) => `tag${i}`).join(', ');
      const refused = await api.invoke('tokens.count', { text });
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('invalid-input');

      const shown = readableError('tokens.count', refused.error);
      expect(shown.message).toBe('The app could not take this request (tokens.count): it is malformed or larger than the app accepts.');
      expect(shown.message).not.toMatch(/too big|too_big|expected|must contain|\{/i);
      expect(shown.details).toBe(refused.error.message);

      const counted = await api.invoke('tokens.count', { text: 'cat, dog' });
      expect(counted).toMatchObject({ ok: true, value: { clip: 3, clipLimit: 75 } });
    } finally {
      await api.shutdown();
    }
  });

  it('shows a handler’s refusal of what the user gave in its own words', async () => {
    const served = join(tmp.path, 'served');
    writeBytes(join(served, 'empty.txt'), '\n\n');
    const api = createApiHost({
      transport: 'serve',
      userDataDir: join(tmp.path, 'data'),
      cacheDir: join(tmp.path, 'cache'),
      servedFolder: served,
      version: 'test',
    });
    try {
      const refused = await api.invoke('vocab.import', { path: join(served, 'empty.txt') });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (refused.ok) return;
      expect(readableError('vocab.import', refused.error).message).toBe('No tags found in empty.txt');

      const outside = await api.invoke('folder.probe', { path: tmp.path });
      if (outside.ok) throw new Error('a folder outside the served one was probed');
      expect(readableError('folder.probe', outside.error).message).toMatch(/^This server only opens .*served and the folders inside it/);
    } finally {
      await api.shutdown();
    }
  });

  it('leaves errors that are already sentences as they are', () => {
    const error = { code: 'read-only' as const, message: 'a.txt cannot be written: the file is read-only' };
    expect(readableError('caption.setTags', error)).toBe(error);
  });
});
