import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import type { Result } from '../../src-shared/result';
import { runCommand } from './external';
import { asLaunchedBefore } from './launched-before';

/**
 * The app as it ships, for the phases that measure it: `out/main/cli.js
 * serve` (bundled, as `npm run serve` runs it; the desktop app's main
 * process runs the same code) in a process of its own, driven over its
 * WebSocket as the page drives it.
 */

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(repo, 'out', 'main', 'cli.js');
const SOURCES = ['src-main', 'src-shared'].map((d) => join(repo, d));
/** how long the built app may take to serve */
const START_TIMEOUT_MS = 30_000;

/** why the built app cannot be measured here, or null */
export function builtAppMissing(): string | null {
  return existsSync('/proc/self/status') ? null : 'no /proc/<pid>/status on this system to read a process high-water mark from';
}

/** builds out/ when it is missing or older than the sources */
export async function ensureBuilt(log: (line: string) => void): Promise<void> {
  if (!(await staleBuild())) return;
  log('  out/ is missing or older than the sources: building it (npm run build)');
  await runCommand('npm', ['run', 'build'], { cwd: repo });
}

export type Invoke = (channel: string, payload: unknown) => Promise<Result<unknown>>;

export interface BuiltApp {
  pid: number;
  invoke: Invoke;
  /** calls `listener` with every event the app sends; returns the unsubscribe */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  stop(): Promise<void>;
}

/** whether out/main/cli.js is missing or older than any source file of the main process */
async function staleBuild(): Promise<boolean> {
  const built = await stat(CLI).catch(() => null);
  if (!built) return true;
  for (const dir of SOURCES) {
    for (const name of await readdir(dir, { recursive: true })) {
      const info = await stat(join(dir, name));
      if (info.isFile() && info.mtimeMs > built.mtimeMs) return true;
    }
  }
  return false;
}

/** `serve` of `folder` on a port of its own, with its own app folders under `workDir`, and a WebSocket to it */
export async function startBuiltApp(folder: string, workDir: string): Promise<BuiltApp> {
  const cacheDir = join(workDir, 'built-app-cache');
  await asLaunchedBefore(cacheDir);
  const env = { ...process.env, LORA_TAGGER_USER_DATA: join(workDir, 'built-app-data'), LORA_TAGGER_CACHE: cacheDir };
  const child = spawn(process.execPath, [CLI, 'serve', folder, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await new Promise<URL>((resolve, reject) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`the built app did not start serving in ${START_TIMEOUT_MS / 1000} s: ${err.slice(0, 500)}`)), START_TIMEOUT_MS);
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const found = /Open (http:\S+)/.exec(out);
        if (found) {
          clearTimeout(timer);
          resolve(new URL(found[1]!));
        }
      });
      child.once('exit', (code) => reject(new Error(`the built app exited (code ${code}) before serving: ${err.slice(0, 500)}`)));
    });
    const socket = new WebSocket(`ws://${url.host}/ws`, { headers: { cookie: `lt_${url.port}=${url.searchParams.get('token')}` } });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const waiting = new Map<number, { resolve: (result: Result<unknown>) => void; reject: (err: Error) => void }>();
    const listeners = new Set<(event: string, payload: unknown) => void>();
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
      if (message.type === 'event') for (const listener of listeners) listener(message.event!, message.payload);
      if (message.type !== 'result') return;
      waiting.get(message.id!)?.resolve(message.result!);
      waiting.delete(message.id!);
    });
    let id = 0;
    // an app that dies mid-phase fails the phase rather than leaving it waiting for ever
    socket.once('close', () => {
      for (const w of waiting.values()) w.reject(new Error('the built app closed its WebSocket before answering'));
      waiting.clear();
    });
    const invoke: Invoke = (channel, payload) =>
      new Promise((resolve, reject) => {
        waiting.set(++id, { resolve, reject });
        socket.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
      });
    return {
      pid: child.pid!,
      invoke,
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      async stop() {
        socket.close();
        await stop();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** the kernel's high-water mark of a process's RSS (VmHWM), in MB */
export async function highWaterMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status);
  if (!kb) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kb[1]) / 1024;
}
