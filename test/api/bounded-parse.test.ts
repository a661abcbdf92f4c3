import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { boundedSafeParse } from '../../src-main/api/bounded-parse';
import { createApiHost } from '../../src-main/api/create-api-host';
import { makeTempDir } from '../support/temp-dir';

/** an id check that counts how many elements zod asked it about */
function countingIds() {
  const seen = { count: 0 };
  const id = z.custom<number>((v) => {
    seen.count++;
    return typeof v === 'number' && Number.isInteger(v) && v >= 0;
  });
  return { schema: z.object({ ids: z.array(id).max(2_000_000) }).strict(), seen };
}

describe('a payload parsed with a bound on bad arrays', () => {
  it('refuses a million wrong-typed ids on the first thousand it looks at (zod alone checked, and reported, all million)', () => {
    const { schema, seen } = countingIds();
    const parsed = boundedSafeParse(schema, { ids: new Array(1_000_000).fill('tag') });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['ids', 0]);
    expect(seen.count).toBe(1_000);
  });

  it('still takes a valid million, and still finds one bad element past the first thousand', () => {
    const { schema } = countingIds();
    const valid = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(boundedSafeParse(schema, { ids: valid }).success).toBe(true);
    const late = [...valid];
    late[500_000] = -1;
    const parsed = boundedSafeParse(schema, { ids: late });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['ids', 500_000]);
  });

  it('keeps an own __proto__ key a key: the strict parse still refuses it', () => {
    const payload = JSON.parse(`{"ids":[${'1,'.repeat(1500)}1],"__proto__":{"path":"/etc/passwd"}}`) as unknown;
    const parsed = boundedSafeParse(countingIds().schema, payload);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('dispatch with a million strings where image ids belong', () => {
  it('answers invalid-input naming the first', async () => {
    const tmp = makeTempDir();
    const api = createApiHost({ transport: 'serve', userDataDir: `${tmp.path}/data`, cacheDir: `${tmp.path}/cache`, servedFolder: null, version: 'test' });
    const answer = await api.invoke('batch.preview', { target: { kind: 'selected', ids: new Array(1_000_000).fill('tag') }, op: { type: 'dedupe' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('target.ids.0') } });
    await api.shutdown();
    tmp.cleanup();
  });
});
