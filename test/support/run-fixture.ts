import { spawn } from 'node:child_process';

/** what a fixture script printed, and the signal that ended it (null: it exited by itself) */
export interface FixtureRun {
  out: string;
  err: string;
  signal: NodeJS.Signals | null;
}

export interface FixtureOptions {
  /**
   * Make file permissions bind the fixture as they bind an ordinary user:
   * for the tests of unreadable captions and read-only folders. Root ignores
   * permission bits, so as root the fixture runs without the capabilities
   * that override them (setpriv, from util-linux). It stays the same user, so
   * it reads the checkout and node_modules wherever they live: switching to
   * another user (nobody) fails as soon as the checkout sits under a private
   * folder, as a home folder often is.
   */
  permissionsApply?: boolean;
}

/** the capabilities that let root read, write and chmod past permission bits */
const OVERRIDES = ['-dac_override', '-dac_read_search', '-fowner'].join(',');

/**
 * Runs a TypeScript fixture in a Node process of its own, as the app's
 * process would run: for the tests in which that process dies (SIGKILL)
 * halfway through something, or must meet permissions as a user would.
 */
export async function runFixture(script: string, args: readonly string[], options: FixtureOptions = {}): Promise<FixtureRun> {
  const node = [process.execPath, '--import', 'tsx', script, ...args];
  const asRoot = process.getuid?.() === 0;
  const [command, ...rest] = options.permissionsApply && asRoot ? ['setpriv', `--bounding-set=${OVERRIDES}`, '--', ...node] : node;
  const child = spawn(command!, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    // 'close', not 'exit': a process that prints a large report and exits is still being read when it exits
    child.on('close', (_code, sig) => resolve(sig));
  });
  return { out, err, signal };
}
