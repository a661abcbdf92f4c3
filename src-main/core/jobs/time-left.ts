/** "12 min", "45 s", "1 h 5 min": time left, as precise as a person needs */
export function formatDuration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

/** a job's progress label with the time left once it is known: "Tagging images, about 12 min left" */
export function withTimeLeft(label: string, etaMs: number | null): string {
  return etaMs === null ? label : `${label}, about ${formatDuration(etaMs / 1000)} left`;
}
