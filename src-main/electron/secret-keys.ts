import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { DeferredSecretStore, FileSecretStore, MemorySecretStore, type SecretStore } from '../core/captioner/secret-store';

/**
 * Captioning backends' API keys on the desktop: sealed with Electron's
 * safeStorage (the OS keychain, DPAPI, or the desktop's secret service) in
 * captioner-keys.bin in the app's data folder. Where the system offers no
 * encryption the keys are kept in memory until the app quits, never written
 * in the clear.
 */
export function desktopSecrets(): SecretStore {
  return new DeferredSecretStore(() => {
    if (!safeStorage.isEncryptionAvailable()) return new MemorySecretStore();
    return new FileSecretStore(join(app.getPath('userData'), 'captioner-keys.bin'), {
      encrypt: (plain) => safeStorage.encryptString(plain),
      decrypt: (sealed) => safeStorage.decryptString(sealed),
    });
  });
}
