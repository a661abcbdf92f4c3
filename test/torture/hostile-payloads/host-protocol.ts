/** What the driver asks of the host process, over IPC; each request has one reply. */
export type HostRequest =
  /** answered once the writes it queued are on disk */
  | { op: 'dispatch'; channel: string; payload: unknown }
  /** wait until every queued write of the open session is on disk */
  | { op: 'idle' }
  /** open the sandbox's dataset again (a payload may have closed it or opened a subfolder) */
  | { op: 'reopen' }
  | { op: 'session' }
  /** the event loop's longest stall since the last ask, and the unhandled rejections since then */
  | { op: 'stall' }
  | { op: 'close' };

export type DispatchReply = { ok: true; outPath?: string } | { ok: false; code: string; message: string };

export type HostReply =
  | DispatchReply
  | { idle: true }
  | { ids: number[] }
  | { root: string | null }
  | { maxMs: number; rejections: string[] }
  | { closed: true };

export interface HostStarted {
  url: string;
  token: string;
  ids: number[];
}
