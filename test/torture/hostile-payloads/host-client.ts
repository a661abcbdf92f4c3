import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HostReply, HostRequest, HostStarted } from './host-protocol';
import type { Sandbox } from './sandbox';

const hostScript = fileURLToPath(new URL('./host-process.ts', import.meta.url));
// the host's working directory is inside the sandbox, where no node_modules would find tsx
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** How a host process ended on its own: a crash, with what it said last. */
export interface HostExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** The driver's side of host-process.ts: one request at a time or many, each matched to its reply. */
export class HostClient {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (r: HostReply) => void; reject: (e: Error) => void }>();
  private stderr = '';
  /** set once the process has ended */
  exit: HostExit | null = null;
  private stopping = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly started: HostStarted,
  ) {}

  static async start(box: Sandbox): Promise<HostClient> {
    const child = fork(hostScript, [box.dataset], {
      cwd: box.cwd,
      env: box.env,
      execArgv: ['--import', tsxLoader],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    let early = '';
    child.stderr!.on('data', (d: Buffer) => (early += d.toString()));
    child.stdout!.resume();
    const started = await new Promise<HostStarted>((resolve, reject) => {
      child.once('message', (m: { seq: number; reply?: HostStarted }) => (m.reply ? resolve(m.reply) : reject(new Error('host did not start'))));
      child.once('exit', (code, signal) => reject(new Error(`host exited (${code ?? signal}) before it started: ${early.slice(-2000)}`)));
    });
    const client = new HostClient(child, started);
    client.stderr = early;
    child.stderr!.on('data', (d: Buffer) => (client.stderr = (client.stderr + d.toString()).slice(-20_000)));
    child.on('message', (m: { seq: number; reply?: HostReply; error?: string }) => {
      const waiting = client.pending.get(m.seq);
      if (!waiting) return;
      client.pending.delete(m.seq);
      if (m.error !== undefined) waiting.reject(new Error(m.error));
      else waiting.resolve(m.reply!);
    });
    // a send on a channel the process closed by dying: the exit says what happened
    child.on('error', () => undefined);
    child.on('exit', (code, signal) => {
      client.exit = { code, signal, stderr: client.stderr.slice(-4000) };
      for (const waiting of client.pending.values()) waiting.reject(new Error(`host died (${code ?? signal})`));
      client.pending.clear();
    });
    return client;
  }

  get alive(): boolean {
    return this.exit === null;
  }

  /** it ended without being asked to: a crash */
  get crashed(): boolean {
    return this.exit !== null && !this.stopping;
  }

  request<R extends HostReply>(req: HostRequest): Promise<R> {
    if (!this.alive) return Promise.reject(new Error('host is not running'));
    const seq = ++this.seq;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (r: HostReply) => void, reject });
      this.child.send({ seq, req }, (err) => {
        if (!err) return;
        this.pending.delete(seq);
        reject(err);
      });
    });
  }

  /** ask it to close the server and session, then let it end */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.stopping = true;
    const ended = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.request({ op: 'close' }).catch(() => undefined);
    this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await ended;
    clearTimeout(timer);
  }
}
