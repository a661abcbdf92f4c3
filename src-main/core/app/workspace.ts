import { resolve } from 'node:path';
import type { SessionInfo } from '../../../src-shared/contract';
import { AppError, describeFsError } from '../app-error';
import { EventBus } from '../events/event-bus';
import { isInsideFolder, isInsidePath } from '../fs/inside-folder';
import { inForeground } from '../perf/foreground';
import { startAllThreads, type ThreadPool } from '../perf/thread-pool';
import { JobRunner } from '../jobs/job-runner';
import type { DatasetSession } from '../session/dataset-session';
import { openSession, type OpenRequest } from '../session/open-session';
import type { ScanProtocol } from '../scan/scan-protocol';
import type { OpenIndex } from '../store/index-channel';
import { SessionStore } from '../store/session-store';
import { DEFAULT_OUTPUT_DIR, DEFAULT_PREFIX } from '../session/session-settings';
import { danbooruListPath } from '../vocabulary/tag-list';
import { RecentFolders } from './recent-folders';
import { T5Setting } from './t5-setting';
import { TagVocabulary } from './tag-vocabulary';

export interface WorkspaceOptions {
  userDataDir: string;
  cacheDir: string;
  /** when set (the browser transport), only this folder and folders inside it may be opened */
  allowedRoot: string | null;
  /** the command line's --output-dir and --prefix */
  defaults?: { outputDir: string; prefix: string };
  /** when set (the browser transport), exports are written only inside these folders; unset, the save dialog decides */
  exportRoots?: readonly string[];
  /** where a dataset's session.sqlite is opened: the index thread (the api host wires it) */
  openIndex: OpenIndex;
  /** the scan's threads every open and import runs on: the api host starts them and ends them after shutdown */
  scanPool: ThreadPool<ScanProtocol>;
  /** the shipped tag list; by default the app's assets/tags/danbooru.csv */
  shippedTagList?: () => string | null;
}

const NO_HISTORY = { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };

/**
 * The app's state in main: at most one open dataset, the job runner and the
 * event bus. Transport-agnostic; the api handlers call it.
 */
export class Workspace {
  readonly bus = new EventBus();
  readonly jobs = new JobRunner(this.bus);
  readonly recent: RecentFolders;
  readonly defaults: { outputDir: string; prefix: string };
  /** autocomplete's tag lists and the T5 tokenizer: the app's, shared by every dataset */
  readonly vocabulary: TagVocabulary;
  readonly t5: T5Setting;
  private session: DatasetSession | null = null;
  private transition: Promise<unknown> = Promise.resolve();
  private warmedUp = false;

  constructor(readonly options: WorkspaceOptions) {
    this.recent = new RecentFolders(options.userDataDir);
    this.defaults = options.defaults ?? { outputDir: DEFAULT_OUTPUT_DIR, prefix: DEFAULT_PREFIX };
    this.vocabulary = new TagVocabulary(options.userDataDir, options.shippedTagList ?? danbooruListPath);
    this.t5 = new T5Setting(options.userDataDir);
  }

  /**
   * A folder is about to be opened (the app started, a folder is being picked
   * or was dropped): the scan's threads start now, so the open or import that
   * follows does not wait for them. Idle, they end after the pool's idle time.
   * The first time, main's side of taking a list is made warm too (see
   * SessionStore.warmUp).
   */
  expectOpen(): void {
    startAllThreads(this.options.scanPool).catch(() => undefined); // shut down meanwhile: nothing to start
    if (this.warmedUp) return;
    this.warmedUp = true;
    void SessionStore.warmUp();
  }

  current(): DatasetSession | null {
    return this.session;
  }

  requireSession(): DatasetSession {
    if (!this.session) throw new AppError('no-session', 'No folder is open');
    return this.session;
  }

  /**
   * A path a payload names, if the browser transport may use it: inside the
   * served folder once symbolic links are followed, so a link in the served
   * folder that points out does not open the rest of the disk. A relative
   * path is read from the served folder, as the fields that ask for one say,
   * not from wherever the server was started.
   */
  async checkAllowed(path: string): Promise<string> {
    const root = this.options.allowedRoot;
    if (!root) return resolve(path);
    const target = resolve(root, path);
    const inside = await isInsideFolder(target, root).catch((err) => {
      throw describeFsError(err, `Cannot tell where ${target} leads`);
    });
    if (!inside) {
      const why = isInsidePath(target, resolve(root)) ? 'leads out of it through a symbolic link' : 'is not inside it';
      throw new AppError('invalid-input', `This server only opens ${root} and the folders inside it: ${target} ${why}`);
    }
    return target;
  }

  /** serve: an export may be written only inside the folders the server was started with, links followed */
  async checkExportPath(path: string): Promise<void> {
    const roots = this.options.exportRoots;
    if (!roots) return;
    const target = resolve(path);
    for (const root of roots) {
      const inside = await isInsideFolder(target, root).catch((err) => {
        throw describeFsError(err, `Cannot tell where ${target} leads`);
      });
      if (inside) return;
    }
    throw new AppError(
      'invalid-input',
      `This server writes exports only inside ${roots.join(' or ')}: ${target} is not inside ${roots.length > 1 ? 'them' : 'it'}. Start it with --export-dir DIR to export to DIR.`,
    );
  }

  /** opens and closes run one at a time: a double click must not open two sessions */
  open(request: Omit<OpenRequest, 'defaults'>): Promise<SessionInfo> {
    // the user waits for this: background indexing pauses meanwhile
    const run = this.transition.then(() => inForeground(async () => {
      const path = await this.checkAllowed(request.path);
      await this.closeNow();
      // serve: the dataset folder the open settles on (a subfolder that may be a link) is checked too
      const checkFolder = this.options.allowedRoot ? (dir: string) => this.checkAllowed(dir) : undefined;
      const session = await openSession({ ...request, path, defaults: this.defaults }, { bus: this.bus, jobs: this.jobs, checkFolder, openIndex: this.options.openIndex, scanPool: this.options.scanPool });
      this.session = session;
      // the folder is open either way: a list that cannot be saved is said in the log, not a failed open;
      // the open does not wait for the write (a list asked for after it waits, see RecentFolders)
      void this.recent.add(session.info().root).catch((err) => console.warn(`[recent folders] ${(err as Error).message}`));
      const info = session.info();
      this.bus.emit('session.changed', { session: info });
      this.bus.emit('history.changed', await session.history.state());
      this.vocabulary.loadShippedSoon();
      session.shown();
      return info;
    }));
    this.transition = run.catch(() => undefined);
    return run;
  }

  close(): Promise<void> {
    const run = this.transition.then(() => this.closeNow());
    this.transition = run.catch(() => undefined);
    return run;
  }

  private async closeNow(): Promise<void> {
    const s = this.session;
    if (!s) return;
    this.session = null;
    await s.close();
    this.bus.emit('session.changed', { session: null });
    this.bus.emit('history.changed', NO_HISTORY);
  }

  async shutdown(): Promise<void> {
    this.jobs.cancelAll();
    this.vocabulary.stop();
    await this.close();
    await this.recent.settled();
  }
}
