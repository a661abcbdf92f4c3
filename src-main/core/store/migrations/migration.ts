/** One schema step. `up` is SQL run inside the runner's transaction. */
export interface Migration {
  version: number;
  name: string;
  up: string;
  /**
   * the step drops a table other tables point at and makes it anew: it runs
   * with foreign keys off (or the drop would delete the rows that point at
   * it), and the keys are checked before it commits
   */
  rebuildsTables?: true;
}
