import { acceptCaptions, imageResults, rejectCaptions, runResults, runSummaries } from '../../core/captioner/caption-review';
import type { Handler } from '../handler';

export const captionerRuns: Handler<'captioner.runs'> = (_args, { workspace }) => runSummaries(workspace.requireSession());

export const captionerResults: Handler<'captioner.results'> = ({ runId, status, offset, limit }, { workspace }) =>
  runResults(workspace.requireSession(), runId, status ?? null, offset, limit);

export const captionerImageResults: Handler<'captioner.imageResults'> = async ({ imageId }, { workspace }) => ({
  results: await imageResults(workspace.requireSession(), imageId),
});

export const captionerAccept: Handler<'captioner.accept'> = (args, { workspace }) => acceptCaptions(workspace.requireSession(), args, workspace.jobs);

export const captionerReject: Handler<'captioner.reject'> = async ({ runId, images }, { workspace }) => ({
  rejected: await rejectCaptions(workspace.requireSession(), runId, images),
});
