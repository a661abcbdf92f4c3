import { create } from 'zustand';
import type { EventPayload } from '../../src-shared/contract';
import { api } from '../transport/api';

export type JobProgress = EventPayload<'job.progress'>;

interface JobsState {
  /** running jobs by id, in the order they first reported */
  running: Record<string, JobProgress>;
}

export const useJobsStore = create<JobsState>()(() => ({ running: {} }));

/** the job a progress bar should follow: the most recent one to start */
export const latestJob = (s: JobsState): JobProgress | null => Object.values(s.running).at(-1) ?? null;

api.on('job.progress', (progress) =>
  useJobsStore.setState((s) => ({ running: { ...s.running, [progress.jobId]: progress } })),
);

api.on('job.finished', ({ jobId }) =>
  useJobsStore.setState((s) => {
    if (!(jobId in s.running)) return s;
    const { [jobId]: _finished, ...rest } = s.running;
    return { running: rest };
  }),
);
