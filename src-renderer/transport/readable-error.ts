import type { AppErrorData } from '../../src-shared/result';

/**
 * What the screen shows of an api error. An `invalid-input` refusal carries
 * the schema's own words ("String must contain at most 100000 character(s)"),
 * which mean nothing to the user: the renderer's requests fail it only by a
 * bug or by a size past the contract's limits, so it reads as a sentence and
 * the raw text stays in `details` for a bug report.
 */
export function readableError(channel: string, error: AppErrorData): AppErrorData {
  if (error.code !== 'invalid-input') return error;
  return {
    code: error.code,
    message: `The app could not take this request (${channel}): it is malformed or larger than the app accepts.`,
    details: error.message,
  };
}
