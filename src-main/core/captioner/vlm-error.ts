/**
 * Why a request to a captioning server failed, in words a person can act on.
 * `retryable`: a 429 or a 5xx, which the run tries again after a pause
 * (`retryAfterMs` when the server said how long); anything else fails the
 * image at once.
 */
export class VlmError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
    /** what the server sent back, for the run's record */
    readonly body = '',
  ) {
    super(message);
    this.name = 'VlmError';
  }
}

export const isVlmError = (err: unknown): err is VlmError => err instanceof VlmError;
