import { app } from 'electron';
import { parseCommandLine } from '../cli/parse-args';
import { userArgs } from '../cli/user-args';

/** what a second launch hands the running one: its own arguments and where it was started */
export interface LaunchHandoff {
  args: string[];
  cwd: string;
}

/**
 * One app per user: two windows on one session database would fight over it.
 * A second `lora-tagger ./folder` passes its folder to the running window and
 * exits. Returns false in that second process, which must then quit at once.
 */
export function setupSingleInstance(options: {
  handoff: LaunchHandoff;
  onFolder: (path: string) => void;
  focus: () => void;
}): boolean {
  // Chromium adds and reorders switches in the argv `second-instance` reports,
  // so the launch sends its own parsed-out arguments as additionalData
  if (!app.requestSingleInstanceLock({ ...options.handoff })) return false;

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const handoff = readHandoff(additionalData) ?? { args: userArgs(argv, app.isPackaged), cwd: workingDirectory };
    const command = parseCommandLine(handoff.args, handoff.cwd);
    if (command.command === 'open' && command.folder !== null) options.onFolder(command.folder);
    options.focus();
  });
  return true;
}

/** additionalData comes from another process: take it only if it has the expected shape */
function readHandoff(data: unknown): LaunchHandoff | null {
  if (typeof data !== 'object' || data === null) return null;
  const { args, cwd } = data as Record<string, unknown>;
  if (typeof cwd !== 'string' || !Array.isArray(args) || !args.every((a) => typeof a === 'string')) return null;
  return { args, cwd };
}
