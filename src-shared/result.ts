import { z } from 'zod';

/**
 * Errors cross every transport as data, never as thrown exceptions, so the UI
 * can act on the code (show a conflict, offer a retry) instead of parsing text.
 */
export const errorCodes = [
  'invalid-input', // a payload did not parse: the renderer is untrusted
  'no-session', // a dataset channel was called before a folder was opened
  'not-found', // an image id, job or folder that does not exist
  'conflict', // the file changed on disk since it was last read
  'duplicate-tag', // the tag is already on that image
  'read-only', // the folder or file cannot be written
  'no-images', // the folder holds no image we can use
  'io', // any other file-system failure
  'cancelled', // the user cancelled a job
  'unsupported', // not available on this transport (a dialog in the browser)
  'newer-database', // session.sqlite was written by a newer version of the app
  'busy', // another job of the same kind is running
  'limit', // a documented limit was exceeded (pixels, images in a zip)
  'internal', // a bug: the message says what failed
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
});
export type AppErrorData = z.infer<typeof appErrorSchema>;

/**
 * The `details` of a refusal by the contract itself (an unknown channel, a
 * payload the channel's schema refuses), whose message is the schema's words:
 * see the renderer's readableError. A handler's `invalid-input` ("No tags
 * found in list.txt") is a sentence already and carries no such mark.
 */
export const CONTRACT_REFUSAL = 'contract';

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
