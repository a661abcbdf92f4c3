import { dirname, join, resolve } from 'node:path';
import { createApiHost } from '../api/create-api-host';
import { FileSecretStore, MemorySecretStore, UNSEALED } from '../core/captioner/secret-store';
import { startServer, type RunningServer } from './start-server';

export interface ServeCommand {
  folder: string;
  host: string;
  port: number;
  /** --export-dir: a folder exports may go to, besides the served folder's parent */
  exportDir?: string | null;
  /** --keep-api-keys: captioning backends' keys kept in a file only this user may read; by default in memory until the server stops */
  keepApiKeys?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** `lora-tagger serve <folder>`: the UI for one dataset folder, to a browser. */
export async function runServe(
  cmd: ServeCommand,
  paths: { userDataDir: string; cacheDir: string; version: string },
  log: (line: string) => void = (line) => console.log(line),
): Promise<RunningServer & { api: ReturnType<typeof createApiHost> }> {
  const folder = resolve(cmd.folder);
  // a token holder chooses the export path: beside the dataset, where the default path is, or where the command line says
  const exportRoots = [dirname(folder), ...(cmd.exportDir ? [resolve(cmd.exportDir)] : [])];
  const api = createApiHost(
    {
      transport: 'serve',
      userDataDir: paths.userDataDir,
      cacheDir: paths.cacheDir,
      servedFolder: folder,
      version: paths.version,
    },
    {
      exportRoots,
      secrets: cmd.keepApiKeys ? new FileSecretStore(join(paths.userDataDir, 'captioner-keys.json'), UNSEALED) : new MemorySecretStore(),
      startScanThreads: true,
    },
  );
  const server = await startServer({ host: cmd.host, port: cmd.port, api });
  log(`LoRA Tagger is serving ${folder}`);
  log(`Exports are written only inside ${exportRoots.join(' and ')}`);
  log(`Open ${server.url}`);
  log(
    cmd.keepApiKeys
      ? `Captioning backends' API keys are kept in ${join(paths.userDataDir, 'captioner-keys.json')}, readable by this user only`
      : "Captioning backends' API keys are kept in memory until the server stops (--keep-api-keys keeps them on disk)",
  );
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
