import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Where API keys are kept. Core only asks for a key when it sends a request;
 * nothing here ever returns a key to the renderer, a log or a dataset.
 */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, secret: string): Promise<void>;
  delete(name: string): Promise<void>;
  has(name: string): Promise<boolean>;
}

/** keys for this process only: the serve default, and tests */
export class MemorySecretStore implements SecretStore {
  private readonly keys = new Map<string, string>();
  async get(name: string) {
    return this.keys.get(name) ?? null;
  }
  async set(name: string, secret: string) {
    this.keys.set(name, secret);
  }
  async delete(name: string) {
    this.keys.delete(name);
  }
  async has(name: string) {
    return this.keys.has(name);
  }
}

/** turns a key into bytes for the disk and back: Electron's safeStorage on the desktop */
export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/**
 * Keys in one file of the app's data folder, each sealed by `cipher`,
 * readable by the user alone (mode 0600), written atomically.
 */
export class FileSecretStore implements SecretStore {
  private cache: Map<string, string> | null = null;
  private writing = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly cipher: SecretCipher,
  ) {}

  private async load(): Promise<Map<string, string>> {
    if (this.cache) return this.cache;
    const sealed = await readFile(this.path, 'utf8').then(
      (text) => JSON.parse(text) as Record<string, string>,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return {};
        throw err;
      },
    );
    this.cache = new Map(Object.entries(sealed).map(([k, v]) => [k, this.cipher.decrypt(Buffer.from(v, 'base64'))]));
    return this.cache;
  }

  private async save(keys: Map<string, string>): Promise<void> {
    const sealed = Object.fromEntries([...keys].map(([k, v]) => [k, this.cipher.encrypt(v).toString('base64')]));
    const tmp = `${this.path}.tmp`;
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(tmp, JSON.stringify(sealed), { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, this.path);
  }

  async get(name: string) {
    return (await this.load()).get(name) ?? null;
  }
  async has(name: string) {
    return (await this.load()).has(name);
  }
  async set(name: string, secret: string) {
    const keys = await this.load();
    keys.set(name, secret);
    await (this.writing = this.writing.catch(() => undefined).then(() => this.save(keys)));
  }
  async delete(name: string) {
    const keys = await this.load();
    if (!keys.delete(name)) return;
    await (this.writing = this.writing.catch(() => undefined).then(() => this.save(keys)));
  }
}

/**
 * No sealing: for `serve --keep-api-keys` on a machine without a keyring,
 * where the file's permissions (this user only) are the protection. Chosen
 * by the user on the command line, never by default.
 */
export const UNSEALED: SecretCipher = {
  encrypt: (plain) => Buffer.from(plain, 'utf8'),
  decrypt: (sealed) => sealed.toString('utf8'),
};

/** a store chosen on first use: the desktop's safeStorage is only usable once the app is ready */
export class DeferredSecretStore implements SecretStore {
  private store: SecretStore | null = null;
  constructor(private readonly choose: () => SecretStore) {}
  private get chosen(): SecretStore {
    return (this.store ??= this.choose());
  }
  get(name: string) {
    return this.chosen.get(name);
  }
  set(name: string, secret: string) {
    return this.chosen.set(name, secret);
  }
  delete(name: string) {
    return this.chosen.delete(name);
  }
  has(name: string) {
    return this.chosen.has(name);
  }
}
