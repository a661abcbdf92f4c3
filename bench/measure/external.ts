import { spawn } from 'node:child_process';

/** run a command to its end; rejects with its stderr when it fails */
export function runCommand(cmd: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited with ${code}: ${stderr.slice(0, 500)}`))));
  });
}

/** file names per invocation: keeps a 100,000-file run under the kernel's argument limit */
const BATCH = 500;

/**
 * Debian's vipsthumbnail over `names` (relative to `cwd`), in `lanes`
 * processes side by side, each with one libvips thread: the same concurrency
 * as the app's render pool of one sharp thread per worker.
 */
export async function vipsThumbnails(cwd: string, names: readonly string[], outPattern: string, side: number, lanes: number): Promise<void> {
  const env = { ...process.env, VIPS_CONCURRENCY: '1' };
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      const mine = names.filter((_, i) => i % lanes === lane);
      for (let i = 0; i < mine.length; i += BATCH) {
        await runCommand('vipsthumbnail', ['-s', `${side}x${side}`, '-o', outPattern, ...mine.slice(i, i + BATCH)], { cwd, env });
      }
    }),
  );
}
