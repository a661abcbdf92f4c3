import { readFileSync } from 'node:fs';
import { defaultCacheDir, defaultUserDataDir } from '../serve/app-paths';
import { runServe } from '../serve/run-serve';
import { runAutotagCommand } from './autotag-command';
import { runCaptionCommand } from './caption-command';
import { runExportCommand } from './export-command';
import { parseCommandLine } from './parse-args';

/**
 * The plain-Node entry, for machines without a display and for the tests
 * (which have no Electron binary):
 *   node out/main/cli.js serve <folder> [--host 127.0.0.1] [--port N]
 *   node out/main/cli.js export <folder> --target civitai --out PATH …
 *   node out/main/cli.js autotag <folder> --model DIR …
 *   node out/main/cli.js caption <folder> --backend URL --model NAME …
 */
async function main(): Promise<void> {
  const cmd = parseCommandLine(process.argv.slice(2), process.cwd());
  const paths = { userDataDir: defaultUserDataDir(), cacheDir: defaultCacheDir(), version: appVersion() };
  switch (cmd.command) {
    case 'serve': {
      const server = await runServe(cmd, paths);
      let closing = false;
      const stop = async () => {
        if (closing) return;
        closing = true;
        await server.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop());
      process.on('SIGTERM', () => void stop());
      return;
    }
    case 'export':
      process.exit(await runExportCommand(cmd, paths));
      return;
    case 'autotag':
      process.exit(await runAutotagCommand(cmd, paths));
      return;
    case 'caption':
      process.exit(await runCaptionCommand(cmd, paths));
      return;
    case 'version':
      console.log(paths.version);
      return;
    case 'help':
      console.log(cmd.usage);
      return;
    case 'error':
      console.error(`${cmd.message}\n\n${cmd.usage}`);
      process.exit(2);
      return;
    case 'open':
      console.error('Opening a folder in a window needs the desktop app; here, use: serve <folder>');
      process.exit(2);
  }
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
