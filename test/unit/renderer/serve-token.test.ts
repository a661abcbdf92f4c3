import { describe, expect, it } from 'vitest';
import { readServeToken } from '../../../src-renderer/transport/serve-token';

const memory = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
};

describe('serve token', () => {
  it('takes the token out of the address bar, keeping every other parameter and the hash', () => {
    const storage = memory();
    const found = readServeToken('http://127.0.0.1:4781/?a=1&token=secret&b=2#x', storage);
    expect(found).toEqual({ token: 'secret', cleanedUrl: 'http://127.0.0.1:4781/?a=1&b=2#x' });
    expect(readServeToken('http://127.0.0.1:4781/?a=1&b=2#x', storage)).toEqual({ token: 'secret', cleanedUrl: null });
  });

  it('has no token when neither the URL nor the tab has one', () => {
    expect(readServeToken('http://127.0.0.1:4781/', memory())).toEqual({ token: null, cleanedUrl: null });
  });
});
