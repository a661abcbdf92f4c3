/**
 * The time a job has left, from its progress events alone: the rate since the
 * first event that showed progress, so a slow start (a model loading, a first
 * request warming a server) weighs less as the run goes on.
 */
export interface ProgressSample {
  /** ms, any clock that only goes forward */
  at: number;
  done: number;
}

/** seconds left, or null until there is a rate to go by */
export function secondsLeft(first: ProgressSample, latest: ProgressSample, total: number): number | null {
  const done = latest.done - first.done;
  const elapsed = latest.at - first.at;
  if (done <= 0 || elapsed <= 0 || total <= 0) return null;
  const left = Math.max(0, total - latest.done);
  return (left * elapsed) / done / 1000;
}

/** "about 3 min left", "12 s left", "about 1 h 20 min left"; null says nothing yet */
export function etaText(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 1) return 'almost done';
  if (seconds < 60) return `${Math.ceil(seconds)} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`;
}
