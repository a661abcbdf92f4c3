import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import type { ChannelOutput, SessionInfo } from '../../src-shared/contract';
import { listAllImages } from '../../src-shared/list-images';
import type { Result } from '../../src-shared/result';
import { unwrap, type Figures, type RunContext } from '../context';
import { stageFolder } from '../dataset/stage';
import { runCommand } from '../measure/external';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(repo, 'out', 'main', 'cli.js');
const SOURCES = ['src-main', 'src-shared'].map((d) => join(repo, d));
/** how long the built app may take to serve, and to load the shipped tag list once a folder is open */
const START_TIMEOUT_MS = 30_000;
const LIST_TIMEOUT_MS = 60_000;
/** between the app serving and the first open, as a person finding the folder (as the seed phase waits) */
const PICKING_MS = 3000;
/** after the reopen: its check against the folder runs in the background */
const SETTLE_MS = 3000;

/**
 * The built app's memory: `out/main/cli.js serve` (bundled, as `npm run
 * serve` runs it and as the desktop app's main process runs the same code)
 * in a process of its own, driven over its WebSocket as the page drives it:
 * 3 s after it serves, the run's captioned folder opened for the first time
 * (its code as cold as at a person's first open), the whole list in
 * pages, the shipped tag list loaded (it starts 2 s after an open; the phase
 * waits until a suggestion comes from it), the folder closed and opened
 * again. The figure is the kernel's high-water mark of that process's RSS
 * (VmHWM). The bench's own process runs the app from source, where each
 * thread loads tsx and Node gives each a thread of its own for the loader's
 * hooks: its peak RSS is that of a development run. out/ is built first
 * when it is missing or older than the sources. Skipped, with the reason,
 * where the kernel keeps no /proc.
 */
export async function builtAppPhase(ctx: RunContext): Promise<Figures> {
  if (ctx.run === 0) return {}; // the app runs in a process of its own: nothing to compile in this one
  if (!existsSync('/proc/self/status')) {
    ctx.log('  built: skipped, not a failure: no /proc/<pid>/status on this system to read a process high-water mark from');
    return {};
  }
  // all of it is harness time for this process: the app measured here is another process
  return ctx.harness(async () => {
    if (await staleBuild()) {
      ctx.log('  built: out/ is missing or older than the sources: building it (npm run build)');
      await runCommand('npm', ['run', 'build'], { cwd: repo });
    }
    const folder = join(ctx.workDir, 'built-captioned');
    await stageFolder(ctx.datasetDir, folder, 'all');
    const app = await startBuiltApp(folder, ctx.workDir);
    try {
      const invoke = app.invoke;
      await new Promise((r) => setTimeout(r, PICKING_MS));
      const setup = { mode: 'in-place', outputDir: 'output', prefix: 'img' } as const;
      const first = await timedMs(() => invoke('session.open', { path: folder, setup }));
      const opened = unwrap(first.value, 'built app: first open') as SessionInfo;
      if (opened.stats.total !== ctx.args.images) throw new Error(`the built app opened ${opened.stats.total} of ${ctx.args.images} images`);
      const list = await listAllImages((page) => invoke('images.list', page) as Promise<Result<ChannelOutput<'images.list'>>>);
      if (unwrap(list, 'built app: images.list').length !== ctx.args.images) throw new Error('the built app listed a different number of images');
      await untilShippedListSuggests(invoke);
      unwrap(await invoke('session.close', {}), 'built app: close');
      const reopen = await timedMs(() => invoke('session.open', { path: folder }));
      unwrap(reopen.value, 'built app: reopen');
      await new Promise((r) => setTimeout(r, SETTLE_MS));
      return { builtPeakRssMb: await highWaterMb(app.process.pid!), builtFirstOpenMs: first.ms, builtReopenMs: reopen.ms };
    } finally {
      await app.stop();
    }
  });
}

async function timedMs<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
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

type Invoke = (channel: string, payload: unknown) => Promise<Result<unknown>>;

/** `serve` on a port of its own, with its own app folders under `workDir`, and a WebSocket to it */
async function startBuiltApp(folder: string, workDir: string): Promise<{ process: ChildProcess; invoke: Invoke; stop(): Promise<void> }> {
  const env = { ...process.env, LORA_TAGGER_USER_DATA: join(workDir, 'built-app-data'), LORA_TAGGER_CACHE: join(workDir, 'built-app-cache') };
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
    const waiting = new Map<number, (result: Result<unknown>) => void>();
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: Result<unknown> };
      if (message.type === 'result') waiting.get(message.id!)?.(message.result!);
    });
    let id = 0;
    const invoke: Invoke = (channel, payload) =>
      new Promise((resolve) => {
        waiting.set(++id, resolve);
        socket.send(JSON.stringify({ type: 'invoke', id, channel, payload }));
      });
    return {
      process: child,
      invoke,
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

/** waits until a suggestion comes from the shipped Danbooru list: its index is built */
async function untilShippedListSuggests(invoke: Invoke): Promise<void> {
  const until = Date.now() + LIST_TIMEOUT_MS;
  while (Date.now() < until) {
    const answer = await invoke('tags.complete', { query: 'long_hai', limit: 5 });
    const names = (unwrap(answer, 'built app: tags.complete') as ChannelOutput<'tags.complete'>).items.map((s) => s.name);
    if (names.includes('long_hair')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the built app's shipped tag list gave no suggestion within ${LIST_TIMEOUT_MS / 1000} s`);
}

async function highWaterMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status);
  if (!kb) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(kb[1]) / 1024;
}
