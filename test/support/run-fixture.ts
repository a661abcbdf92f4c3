import { spawn } from 'node:child_process';

/** what a fixture script printed, and the signal that ended it (null: it exited by itself) */
export interface FixtureRun {
  out: string;
  err: string;
  signal: NodeJS.Signals | null;
}

/**
 * Runs a TypeScript fixture in a Node process of its own, as the app's
 * process would run: for the tests in which that process dies (SIGKILL)
 * halfway through something.
 */
export async function runFixture(script: string, args: readonly string[]): Promise<FixtureRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
  return { out, err, signal };
}
