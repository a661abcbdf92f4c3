/**
 * Who is waiting for a render. Visible: on screen now, the newest request
 * first (the user scrolled on, the last thing asked for is what they look
 * at). Prefetch: the neighbours of the current image, in the order given.
 * Background: the "make all thumbnails" job, in order.
 */
export type RenderPriority = 'visible' | 'prefetch' | 'background';

export interface ScheduleOptions {
  priority: RenderPriority;
  /**
   * aborting drops the request if its render has not started (and the render
   * too when nobody else waits for it); a started render is seen to its end
   */
  signal?: AbortSignal;
}

interface Waiter<R> {
  resolve(value: R): void;
  reject(err: unknown): void;
  detach(): void;
}

interface Task<R> {
  key: string;
  start: () => Promise<R>;
  priority: RenderPriority;
  /** the latest request's sequence number: a lane entry with an older one is stale */
  seq: number;
  state: 'queued' | 'running';
  waiters: Set<Waiter<R>>;
}

interface LaneEntry<R> {
  task: Task<R>;
  seq: number;
}

const RANK: Record<RenderPriority, number> = { visible: 0, prefetch: 1, background: 2 };

/**
 * Renders one at a time per slot, `concurrency` slots (the cores). Requests
 * for the same key share one render. Nothing is started for a request that
 * was dropped; a render that has started runs to its end and its waiters get
 * its result (its file is then in the cache, and killing a worker mid-write
 * costs more than finishing).
 */
export class RenderQueue<R> {
  private readonly tasks = new Map<string, Task<R>>();
  private readonly visible: LaneEntry<R>[] = []; // a stack
  private readonly fifo: Record<'prefetch' | 'background', { items: LaneEntry<R>[]; head: number }> = {
    prefetch: { items: [], head: 0 },
    background: { items: [], head: 0 },
  };
  private running = 0;
  private seq = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(readonly concurrency: number) {}

  schedule(key: string, start: () => Promise<R>, options: ScheduleOptions): Promise<R> {
    options.signal?.throwIfAborted();
    let task = this.tasks.get(key);
    if (!task) {
      task = { key, start, priority: options.priority, seq: 0, state: 'queued', waiters: new Set() };
      this.tasks.set(key, task);
      this.enqueue(task, options.priority);
    } else if (task.state === 'queued' && (RANK[options.priority] < RANK[task.priority] || options.priority === 'visible')) {
      // asked again, more urgently (or again while visible: it moves to the top of the stack)
      this.enqueue(task, options.priority);
    }
    const promise = this.wait(task, options.signal);
    this.pump();
    return promise;
  }

  /** renders waiting to start */
  get queued(): number {
    let n = 0;
    for (const t of this.tasks.values()) if (t.state === 'queued') n++;
    return n;
  }

  get active(): number {
    return this.running;
  }

  /** resolves when nothing is queued or running */
  idle(): Promise<void> {
    if (this.tasks.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Refuse every render that has not started (the app is quitting): their
   * waiters get `reason`. Renders under way run to their end, as always.
   */
  dropQueued(reason: Error): void {
    for (const task of [...this.tasks.values()]) {
      if (task.state !== 'queued') continue;
      for (const w of task.waiters) {
        w.detach();
        w.reject(reason);
      }
      task.waiters.clear();
      this.forget(task);
    }
    this.visible.length = 0;
    for (const lane of Object.values(this.fifo)) {
      lane.items.length = 0;
      lane.head = 0;
    }
  }

  private enqueue(task: Task<R>, priority: RenderPriority): void {
    task.priority = priority;
    task.seq = ++this.seq;
    const entry = { task, seq: task.seq };
    if (priority === 'visible') {
      // scrolling fast through 100,000 items leaves many dropped entries behind: sweep them now and then
      if (this.visible.length > 1024 && this.visible.length > 4 * this.tasks.size) {
        const live = this.visible.filter((e) => this.isCurrent(e));
        this.visible.splice(0, this.visible.length, ...live);
      }
      this.visible.push(entry);
    }
    else this.fifo[priority].items.push(entry);
  }

  private wait(task: Task<R>, signal: AbortSignal | undefined): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const onAbort = () => {
        // a render under way is waited for: whoever cancelled learns when its files are complete
        if (task.state !== 'queued') return;
        task.waiters.delete(waiter);
        reject(signal!.reason);
        // nobody wants it and it has not started: forget it (its lane entries become stale)
        if (task.waiters.size === 0) this.forget(task);
      };
      const waiter: Waiter<R> = {
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      task.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private forget(task: Task<R>): void {
    if (this.tasks.get(task.key) === task) this.tasks.delete(task.key);
    task.seq = -1;
    this.settleIdle();
  }

  private next(): Task<R> | null {
    while (this.visible.length > 0) {
      const entry = this.visible.pop()!;
      if (this.isCurrent(entry)) return entry.task;
    }
    for (const lane of [this.fifo.prefetch, this.fifo.background]) {
      while (lane.head < lane.items.length) {
        const entry = lane.items[lane.head++]!;
        if (lane.head > 1024 && lane.head * 2 > lane.items.length) {
          lane.items.splice(0, lane.head);
          lane.head = 0;
        }
        if (this.isCurrent(entry)) return entry.task;
      }
    }
    return null;
  }

  private isCurrent(entry: LaneEntry<R>): boolean {
    return entry.task.state === 'queued' && entry.seq === entry.task.seq && this.tasks.get(entry.task.key) === entry.task;
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const task = this.next();
      if (!task) return;
      this.run(task);
    }
  }

  private run(task: Task<R>): void {
    task.state = 'running';
    this.running++;
    const settle = (fn: (w: Waiter<R>) => void) => {
      for (const w of task.waiters) {
        w.detach();
        fn(w);
      }
      task.waiters.clear();
    };
    let started: Promise<R>;
    try {
      started = task.start();
    } catch (err) {
      started = Promise.reject(err);
    }
    started
      .then(
        (value) => settle((w) => w.resolve(value)),
        (err) => settle((w) => w.reject(err)),
      )
      .finally(() => {
        this.running--;
        if (this.tasks.get(task.key) === task) this.tasks.delete(task.key);
        this.pump();
        this.settleIdle();
      });
  }

  private settleIdle(): void {
    if (this.tasks.size > 0 || this.running > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
