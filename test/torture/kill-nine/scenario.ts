import { join } from 'node:path';
import type { createApiHost } from '../../../src-main/api/create-api-host';
import type { JobKind } from '../../../src-shared/contract';
import type { Tally } from './tally';

export type ScenarioApi = ReturnType<typeof createApiHost>;

/** the folders of one trial (and of the template it is copied from) */
export const trialPaths = (dir: string) => ({
  /** the dataset, or an import's source folder */
  set: join(dir, 'set'),
  userData: join(dir, 'app', 'data'),
  cache: join(dir, 'app', 'cache'),
  exports: join(dir, 'exports'),
  model: join(dir, 'model'),
  /** what the driver keeps of the template and the reference run (JSON) */
  facts: join(dir, 'facts.json'),
});

/** what the driver checks a trial with: the template's and the reference run's files */
export interface TrialFacts {
  [key: string]: unknown;
}

export interface CheckContext {
  trial: string;
  dir: string;
  facts: TrialFacts;
  /** the operation answered ok before the kill */
  acknowledged: boolean;
  phase: 'killed' | 'reopened';
  /** what the reopening host noted (the undo's answer, the export it ran) */
  notes: readonly string[];
}

/**
 * One kind of work killed with SIGKILL. The host side (prepare, open, run,
 * reopen) runs in scenario-host.ts with the real api; the driver side
 * (makeFiles, facts, check) reads the files.
 */
export interface KillScenario {
  name: string;
  /** "a batch edit over 2,000 images" */
  title(size: number): string;
  /** the job whose progress picks the kill moment */
  jobKind: JobKind;
  /** images in the full run and in npm test's */
  sizes: { full: number; short: number };
  /** driver: the template's files */
  makeFiles(dir: string, size: number): Promise<void>;
  /** host: steps run to their end before any trial (open, a batch to undo, a model run) */
  prepare(api: ScenarioApi, dir: string): Promise<void>;
  /** host: before the driver's go (open the dataset; an import opens on go) */
  open(api: ScenarioApi, dir: string): Promise<void>;
  /** host: the operation the kill cuts short */
  run(api: ScenarioApi, dir: string): Promise<unknown>;
  /** host: open again after the kill; what the app shows that the files do not is a problem; notes go to check */
  reopen(api: ScenarioApi, dir: string, problems: string[], notes: string[]): Promise<void>;
  /** driver: facts from the template (before) and from the reference run's result (after) */
  facts(template: string, reference: string): Promise<TrialFacts>;
  /** driver: the checks, right after the kill and again after the reopen */
  check(ctx: CheckContext, t: Tally): Promise<void>;
}
