import { app } from 'electron';
import type { Command } from '../cli/parse-args';
import { type Launch, startDesktop } from './lifecycle';
import { runAutotagCommand } from '../cli/autotag-command';
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
      runHeadless('export', () => runExportCommand(command, commandPaths()));
      return;
    case 'caption':
      runHeadless('caption', () => runCaptionCommand(command, commandPaths()));
      return;
    case 'autotag':
      runHeadless('autotag', () => runAutotagCommand(command, commandPaths()));
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
    default: {
      // a command the parser learns must be taught here too, or the binary would hang without a window
      const unhandled: never = command;
      exitWith(2, `lora-tagger: no way to run ${JSON.stringify(unhandled)}`);
    }
  }
}

const commandPaths = () => ({ userDataDir: app.getPath('userData'), cacheDir: desktopCacheDir(), version: app.getVersion() });

/** A command that prints lines and ends: no window, no dock icon, the process exits with its code. */
function runHeadless(name: string, run: () => Promise<number>): void {
  app.dock?.hide();
  run()
    .then((code) => app.exit(code))
    .catch((err: unknown) => exitWith(1, `lora-tagger ${name}: ${err instanceof Error ? err.message : String(err)}`));
}

function exitWith(code: number, message: string): void {
  process.stderr.write(`${message}\n`);
  app.exit(code);
}
