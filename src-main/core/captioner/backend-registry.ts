import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaptionBackend, CaptionBackendKind } from '../../../src-shared/contract/captioner';
import { AppError } from '../app-error';
import type { SecretStore } from './secret-store';
import type { VlmEndpoint } from './vlm-protocol';

interface StoredBackend {
  id: string;
  name: string;
  kind: CaptionBackendKind;
  baseUrl: string;
}

export interface BackendInput {
  id?: string | undefined;
  name: string;
  kind: CaptionBackendKind;
  baseUrl: string;
  /** a string stores it, null removes it, undefined keeps the stored one */
  apiKey?: string | null | undefined;
}

/**
 * The captioning backends, the app's (not a dataset's): names and URLs in
 * captioner-backends.json in the app's data folder, keys in the SecretStore
 * under the backend's id. What leaves here for the renderer says only whether
 * a key is stored.
 */
export class BackendRegistry {
  private readonly file: string;

  constructor(
    private readonly userDataDir: string,
    private readonly secrets: SecretStore,
  ) {
    this.file = join(userDataDir, 'captioner-backends.json');
  }

  private async read(): Promise<StoredBackend[]> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      return Array.isArray(parsed) ? (parsed as StoredBackend[]) : [];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new AppError('io', `The captioning backends (${this.file}) cannot be read: ${(err as Error).message}`);
    }
  }

  private async write(list: readonly StoredBackend[]): Promise<void> {
    await mkdir(this.userDataDir, { recursive: true });
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, JSON.stringify(list, null, 2));
    await rename(tmp, this.file);
  }

  private async shown(b: StoredBackend): Promise<CaptionBackend> {
    return { id: b.id, name: b.name, kind: b.kind, baseUrl: b.baseUrl, hasKey: await this.secrets.has(b.id) };
  }

  async list(): Promise<CaptionBackend[]> {
    return Promise.all((await this.read()).map((b) => this.shown(b)));
  }

  async save(input: BackendInput): Promise<CaptionBackend> {
    const list = await this.read();
    const at = input.id === undefined ? -1 : list.findIndex((b) => b.id === input.id);
    if (input.id !== undefined && at < 0) throw new AppError('not-found', `No captioning backend ${input.id}`);
    const backend: StoredBackend = { id: input.id ?? randomUUID(), name: input.name, kind: input.kind, baseUrl: input.baseUrl.replace(/\/+$/, '') };
    if (at < 0) list.push(backend);
    else list[at] = backend;
    await this.write(list);
    if (input.apiKey === null) await this.secrets.delete(backend.id);
    else if (input.apiKey !== undefined) await this.secrets.set(backend.id, input.apiKey);
    return this.shown(backend);
  }

  async remove(id: string): Promise<void> {
    const list = await this.read();
    await this.write(list.filter((b) => b.id !== id));
    await this.secrets.delete(id);
  }

  /** what a request needs: the URL, the protocol and the key (core only) */
  async endpoint(id: string): Promise<VlmEndpoint & { name: string }> {
    const backend = (await this.read()).find((b) => b.id === id);
    if (!backend) throw new AppError('not-found', `No captioning backend ${id}: it was removed`);
    return { name: backend.name, kind: backend.kind, baseUrl: backend.baseUrl, apiKey: await this.secrets.get(id) };
  }
}
