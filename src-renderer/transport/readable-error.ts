import { CONTRACT_REFUSAL, type AppErrorData } from '../../src-shared/result';

/**
 * What the screen shows of an api error. A refusal by the contract itself
 * carries the schema's own words ("String must contain at most 100000
 * character(s)"), which mean nothing to the user: the renderer's requests
 * fail it only by a bug or by a size past the contract's limits, so it reads
 * as a sentence and the raw text stays in `details` for a bug report. Every
 * other error, a handler's refusal of what the user gave included ("No tags
 * found in list.txt"), is a sentence already and shows as it is.
 */
export function readableError(channel: string, error: AppErrorData): AppErrorData {
  if (error.details !== CONTRACT_REFUSAL) return error;
  return {
    code: error.code,
    message: `The app could not take this request (${channel}): it is malformed or larger than the app accepts.`,
    details: error.message,
  };
}
