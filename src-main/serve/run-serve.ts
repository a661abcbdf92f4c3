import { resolve } from 'node:path';
import type { ApiHost } from '../api/api-host';
import { createApiHost } from '../api/create-api-host';
import { startServer, type RunningServer } from './start-server';

export interface ServeCommand {
  folder: string;
  host: string;
  port: number;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** `lora-tagger serve <folder>`: the UI for one dataset folder, to a browser. */
export async function runServe(
  cmd: ServeCommand,
  paths: { userDataDir: string; cacheDir: string; version: string },
  log: (line: string) => void = (line) => console.log(line),
): Promise<RunningServer & { api: ApiHost }> {
  const folder = resolve(cmd.folder);
  const api = createApiHost({
    transport: 'serve',
    userDataDir: paths.userDataDir,
    cacheDir: paths.cacheDir,
    servedFolder: folder,
    version: paths.version,
  });
  const server = await startServer({ host: cmd.host, port: cmd.port, api });
  log(`LoRA Tagger is serving ${folder}`);
  log(`Open ${server.url}`);
  if (!LOOPBACK.has(cmd.host)) {
    log(`Listening on ${cmd.host}: anyone who can reach this address and has the URL's token can edit this folder's captions.`);
  }
  return {
    ...server,
    api,
    async close() {
      await server.close();
      await api.shutdown();
    },
  };
}
