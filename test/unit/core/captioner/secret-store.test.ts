import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore, type SecretCipher } from '../../../../src-main/core/captioner/secret-store';
import { makeTempDir } from '../../../support/temp-dir';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => (tmp = makeTempDir()));
afterEach(() => tmp.cleanup());

/** stands in for safeStorage: reversible, and never the plain text */
const rot: SecretCipher = {
  encrypt: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
  decrypt: (sealed) => Buffer.from([...sealed].map((b) => b ^ 0x5a)).toString(),
};

describe('keys on disk', () => {
  it('are sealed by the cipher, readable by the user alone, and found again by a new store', async () => {
    const path = join(tmp.path, 'data', 'keys.bin');
    const store = new FileSecretStore(path, rot);
    await store.set('backend-1', 'sk-very-secret');
    await store.set('backend-2', 'other');
    await store.delete('backend-2');
    expect(readFileSync(path, 'utf8')).not.toContain('sk-very-secret');
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);

    const again = new FileSecretStore(path, rot);
    expect(await again.get('backend-1')).toBe('sk-very-secret');
    expect(await again.has('backend-2')).toBe(false);
    expect(await again.get('nothing')).toBeNull();
  });
});
