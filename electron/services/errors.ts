import type { ErrorCode } from '../api/contract';

/**
 * An error meant for the user: a code the renderer can act on and a Chinese message it can show as is.
 * Handlers throw it; the dispatcher turns it into `{ok:false,error}`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: Array<{ path: string; message: string }> | undefined;
  constructor(code: ErrorCode, message: string, issues?: Array<{ path: string; message: string }>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
}

/** Shorthand for a missing record. */
export function notFound(what: string): AppError {
  return new AppError('NOT_FOUND', `${what}不存在或已被删除`);
}
