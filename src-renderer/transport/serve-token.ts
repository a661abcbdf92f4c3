import { TOKEN_PARAM } from '../../src-shared/serve-protocol';

/** The parts of `sessionStorage` the token needs; a Map-backed fake stands in for it in tests. */
export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'lora-tagger.token';

export interface TokenLookup {
  token: string | null;
  /** the page URL with the token taken out, or null when the address bar need not change */
  cleanedUrl: string | null;
}

/**
 * `lora-tagger serve` prints a URL with `?token=…`. The token is kept in
 * sessionStorage and taken out of the address bar, so it does not end up in
 * screenshots or bookmarks, while a reload of the same tab still authenticates.
 * Every other query parameter and the hash stay as they were.
 */
export function readServeToken(href: string, storage: TokenStorage): TokenLookup {
  const url = new URL(href);
  const fromUrl = url.searchParams.get(TOKEN_PARAM);
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete(TOKEN_PARAM);
    return { token: fromUrl, cleanedUrl: url.toString() };
  }
  return { token: storage.getItem(STORAGE_KEY), cleanedUrl: null };
}
