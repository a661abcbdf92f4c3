import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { createApiHost } from '../../src-main/api/create-api-host';
import type { ChannelInput, ChannelName } from '../../src-shared/contract';
import { callApi } from '../support/api-call';
import { startFakeVlmServer, type FakeVlmServer } from '../support/fake-vlm-server';
import { makeTempDir } from '../support/temp-dir';

/** three images told apart by colour and shape, two of them with a caption already */
export const IMAGES = [
  { stem: 'red-wide', colour: { r: 220, g: 30, b: 30 }, width: 200, height: 100, caption: 'old red' },
  { stem: 'green-tall', colour: { r: 30, g: 180, b: 30 }, width: 60, height: 120, caption: 'person, outdoors' },
  { stem: 'blue-square', colour: { r: 30, g: 30, b: 220 }, width: 80, height: 80, caption: null },
] as const;

export interface CaptionerFixture {
  api: ReturnType<typeof createApiHost>;
  vlm: FakeVlmServer;
  dir: string;
  call<K extends ChannelName>(channel: K, payload: ChannelInput<K>): ReturnType<typeof callApi<K>>;
  /** a caption file's text, or null when there is none */
  caption(stem: string): string | null;
  /** a backend on the fake server, by protocol */
  addBackend(kind: 'openai' | 'ollama', apiKey?: string): Promise<string>;
  close(): Promise<void>;
}

export async function openCaptionerFixture(): Promise<CaptionerFixture> {
  const tmp = makeTempDir();
  const dir = join(tmp.path, 'set');
  mkdirSync(dir, { recursive: true });
  for (const image of IMAGES) {
    await sharp({ create: { width: image.width, height: image.height, channels: 3, background: image.colour } }).png().toFile(join(dir, `${image.stem}.png`));
    if (image.caption !== null) writeFileSync(join(dir, `${image.stem}.txt`), image.caption);
  }
  const vlm = await startFakeVlmServer();
  const api = createApiHost({ transport: 'serve', userDataDir: join(tmp.path, 'app-data'), cacheDir: join(tmp.path, 'cache'), servedFolder: tmp.path, version: 'test' });
  const call = <K extends ChannelName>(channel: K, payload: ChannelInput<K>) => callApi(api, channel, payload);
  await call('session.open', { path: dir, setup: { mode: 'in-place', outputDir: 'output', prefix: 'img' } });
  return {
    api,
    vlm,
    dir,
    call,
    caption(stem) {
      try {
        return readFileSync(join(dir, `${stem}.txt`), 'utf8');
      } catch {
        return null;
      }
    },
    async addBackend(kind, apiKey) {
      const saved = await call('captioner.saveBackend', {
        name: kind === 'openai' ? 'Fake LM Studio' : 'Fake Ollama',
        kind,
        baseUrl: kind === 'openai' ? `${vlm.url}/v1` : vlm.url,
        ...(apiKey ? { apiKey } : {}),
      });
      return saved.id;
    },
    async close() {
      await api.shutdown();
      await vlm.close();
      tmp.cleanup();
    },
  };
}
