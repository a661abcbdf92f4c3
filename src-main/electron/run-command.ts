import { app } from 'electron';
import type { Command } from '../cli/parse-args';
import { type Launch, startDesktop } from './lifecycle';
import { runCaptionCommand } from '../cli/caption-command';
import { runExportCommand } from '../cli/export-command';
import { desktopCacheDir } from './platform';
import { startServeCommand } from './serve-command';

/** One process, one command: the window, a server, or a line of text and an exit code. */
export function runCommand(command: Command, launch: Launch): void {
  switch (command.command) {
    case 'open':
      startDesktop(command, launch);
      return;
    case 'serve':
      startServeCommand(command);
      return;
    case 'export':
      app.dock?.hide();
      runExportCommand(command, { userDataDir: app.getPath('userData'), cacheDir: desktopCacheDir(), version: app.getVersion() })
        .then((code) => app.exit(code))
        .catch((err: unknown) => exitWith(1, `lora-tagger export: ${err instanceof Error ? err.message : String(err)}`));
      return;
    case 'caption':
      app.dock?.hide();
      runCaptionCommand(command, { userDataDir: app.getPath('userData'), cacheDir: desktopCacheDir(), version: app.getVersion() })
        .then((code) => app.exit(code))
        .catch((err: unknown) => exitWith(1, `lora-tagger caption: ${err instanceof Error ? err.message : String(err)}`));
      return;
    case 'help':
      process.stdout.write(`${command.usage}\n`);
      app.exit(0);
      return;
    case 'version':
      process.stdout.write(`${app.getName()} ${app.getVersion()}\n`);
      app.exit(0);
      return;
    case 'error':
      exitWith(2, `lora-tagger: ${command.message}\n\n${command.usage}`);
      return;
  }
}

function exitWith(code: number, message: string): void {
  process.stderr.write(`${message}\n`);
  app.exit(code);
}
