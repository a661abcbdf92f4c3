/** What a scenario's trials found: every count but `trials`, `acknowledged`, `finishedBeforeKill` and `tempsAfterKill` must be 0. */
export interface Tally {
  trials: number;
  /** trials whose operation answered ok before the kill: its whole result is then owed */
  acknowledged: number;
  /** trials whose kill came after the operation had answered (still checked) */
  finishedBeforeKill: number;
  /** a version older than one the user was told is done: an acknowledged result missing, a source file gone */
  losses: number;
  /** a file that is neither its before nor its after whole: torn, empty, a mix, a copy that is not its original */
  tears: number;
  /** names the kill left where they do not belong, or temps the next open kept */
  leftovers: number;
  /** temps and partials found right after a kill: expected, and cleared by the next open */
  tempsAfterKill: number;
  /** next opens that failed, showed other than the files, or left the history unusable */
  badReopens: number;
  problems: string[];
}

export const emptyTally = (): Tally => ({
  trials: 0,
  acknowledged: 0,
  finishedBeforeKill: 0,
  losses: 0,
  tears: 0,
  leftovers: 0,
  tempsAfterKill: 0,
  badReopens: 0,
  problems: [],
});

/** the rules, each as a count that must be 0 */
export function tallyFailures(t: Pick<Tally, 'losses' | 'tears' | 'leftovers' | 'badReopens'>): Record<string, number> {
  return {
    losses: t.losses,
    tears: t.tears,
    leftovers: t.leftovers,
    'failed reopenings': t.badReopens,
  };
}

/** one problem, said once per trial with the count it adds to */
export function count(t: Tally, kind: 'losses' | 'tears' | 'leftovers' | 'badReopens', problem: string): void {
  t[kind]++;
  // a thousand torn files in one trial say nothing more than the first few
  if (t.problems.length < 200) t.problems.push(problem);
}
