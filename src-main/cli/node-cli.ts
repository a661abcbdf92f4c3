import { readFileSync } from 'node:fs';
import { parseCommandLine } from '../cli/parse-args';
import { defaultCacheDir, defaultUserDataDir } from './app-paths';
import { runServe } from './run-serve';

/**
 * Plain-Node entry for `lora-tagger serve`, for machines without a display
 * (and for the end-to-end tests, which have no Electron binary):
 *   node out/main/serve.js <folder> [--host 127.0.0.1] [--port N]
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cmd = parseCommandLine(args[0] === 'serve' ? args : ['serve', ...args], process.cwd());
  if (cmd.command !== 'serve') {
    console.error(cmd.command === 'error' ? cmd.message : 'usage: serve <folder> [--host 127.0.0.1] [--port N]');
    process.exit(2);
  }
  const server = await runServe(cmd, { userDataDir: defaultUserDataDir(), cacheDir: defaultCacheDir(), version: appVersion() });
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
