import type { Handler } from '../handler';

export const jobsCancel: Handler<'jobs.cancel'> = ({ jobId }, { workspace }) => ({
  cancelled: workspace.jobs.cancel(jobId),
});
