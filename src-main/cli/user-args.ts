/**
 * The options the parser understands, by long name. Anything else that looks
 * like a switch on an Electron command line belongs to Electron or Chromium
 * (`--inspect=9229`, `--no-sandbox`, `--user-data-dir=…`, macOS's `-psn_…`).
 */
export const OWN_OPTIONS: ReadonlySet<string> = new Set([
  'output-dir',
  'prefix',
  'host',
  'port',
  'export-dir',
  'target',
  'out',
  'trigger',
  'max-side',
  'format',
  'keep-metadata',
  'help',
  'version',
  'h',
  'v',
]);

function optionName(token: string): string {
  return token.replace(/^--?/, '').split('=')[0] ?? '';
}

/** a switch we do not own: Chromium's switches are always one token (`--name` or `--name=value`) */
function isForeignSwitch(token: string): boolean {
  return token.length > 1 && token.startsWith('-') && !OWN_OPTIONS.has(optionName(token));
}

/**
 * The user's own arguments out of `process.argv` (or a second instance's argv).
 *
 * Packaged: `[exe, ...user]`. Unpackaged (`electron .`, `electron out/main/index.js`,
 * Playwright's `_electron.launch`): `[electron, ...switches, appPath, ...user]`, so the
 * first plain argument is the app path, not a folder. Electron and Chromium switches
 * may sit anywhere and are dropped; everything after `--` is the user's verbatim.
 */
export function userArgs(argv: readonly string[], isPackaged: boolean): string[] {
  const rest = argv.slice(1);
  const out: string[] = [];
  let appPathPending = !isPackaged;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] ?? '';
    if (token === '--') {
      out.push(...rest.slice(i));
      break;
    }
    if (isForeignSwitch(token)) continue;
    if (appPathPending && !token.startsWith('-')) {
      appPathPending = false;
      continue;
    }
    out.push(token);
  }
  return out;
}
