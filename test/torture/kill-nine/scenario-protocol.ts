import type { JobKind } from '../../../src-shared/contract';

/**
 * What the scenario host (scenario-host.ts) and its driver say to each other.
 * The host runs in one of three modes: `prepare` makes the template (setup
 * steps run to their end), then copies it to the reference folder and runs
 * the operation there, never killed: what it leaves is the "after" the trials
 * are held to; `kill` opens a trial and runs the operation on `go`; `reopen`
 * opens again after a kill and checks what needs the app.
 */
export type HostMode = 'prepare' | 'kill' | 'reopen';

export type HostMessage =
  /** opened, ready for `go` (kill) */
  | { type: 'ready' }
  /** a job's progress, for the driver to kill at a chosen fraction */
  | { type: 'progress'; kind: JobKind; done: number; total: number }
  /** the operation answered (ok or with an error) */
  | { type: 'done'; ok: boolean; message?: string }
  /** prepare and reopen: finished; what the app showed that the files do not */
  | { type: 'report'; problems: string[]; notes: string[] };
