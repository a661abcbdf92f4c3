import type { AppErrorData, ErrorCode } from '../../src-shared/result';

/**
 * The one error type core throws on purpose. The api layer turns it into a
 * typed result; any other exception is a bug and becomes `internal`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Node's fs error codes, as a readable sentence for a person. */
export function describeFsError(err: unknown, what: string): AppError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError('read-only', `${what}: permission denied (the folder or file is read-only)`);
    case 'ENOENT':
      return new AppError('not-found', `${what}: no such file or folder`);
    case 'ENOSPC':
      return new AppError('io', `${what}: the disk is full`);
    default:
      return new AppError('io', `${what}: ${(err as Error | undefined)?.message ?? String(err)}`);
  }
}
