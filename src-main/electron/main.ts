import { app } from 'electron';
import { parseCommandLine } from '../cli/parse-args';
import { userArgs } from '../cli/user-args';
import { setupAssetsPath } from './packaged-assets';
import { runCommand } from './run-command';

// Entry of the Electron main process (electron-vite input: out/main/index.js).
// Paths on the command line are relative to where the user typed it.
setupAssetsPath();
const launchArgs = userArgs(process.argv, app.isPackaged);
runCommand(parseCommandLine(launchArgs, process.cwd()), launchArgs);
