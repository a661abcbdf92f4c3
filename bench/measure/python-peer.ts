import { spawn } from 'node:child_process';

/** one Python script to its end, in a process of its own; its last line of output, parsed as JSON */
export function runPython<T>(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as T) : reject(new Error(`${script} exited ${code}: ${err.trim().slice(-500)}`)),
    );
  });
}

/** why python3 cannot import `modules`, or null; asked in a process of its own, without blocking this thread */
export function pythonLacks(modules: readonly string[]): Promise<string | null> {
  const probe = `import importlib.util, sys\nmissing = [m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]\nprint(', '.join(missing))`;
  return new Promise((resolve) => {
    const child = spawn('python3', ['-c', probe, ...modules], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', () => resolve('python3 is not installed'));
    child.on('exit', (code) => resolve(code !== 0 ? 'python3 did not run' : out.trim() ? `python3 lacks ${out.trim()}` : null));
  });
}
