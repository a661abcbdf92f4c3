import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app } from 'electron';
import { parseCommandLine } from '../cli/parse-args';
import { userArgs } from '../cli/user-args';
import { setupAssetsPath } from './packaged-assets';
import { runCommand } from './run-command';

// Entry of the Electron main process (electron-vite input: out/main/index.js).
// Paths on the command line are relative to where the user typed it. The
// entry is the one file sure to sit in out/main (shared code may be split
// into chunks elsewhere), so it is what locates preload/ and renderer/.
setupAssetsPath();
const launchArgs = userArgs(process.argv, app.isPackaged);
const bundleDir = dirname(dirname(fileURLToPath(import.meta.url)));
runCommand(parseCommandLine(launchArgs, process.cwd()), { launchArgs, bundleDir });
