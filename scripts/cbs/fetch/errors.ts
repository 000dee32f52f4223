/**
 * Errors the user can act on (no internet, a service that says no, a wrong option). The command line prints their
 * message alone, without a stack trace, and exits with 1; anything else is a bug and keeps its stack.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A service answered, but with an HTTP error status. Kept apart so a caller can react to one status (404). */
export class HttpStatusError extends UserError {
  readonly url: string;
  readonly status: number;
  constructor(message: string, url: string, status: number) {
    super(message);
    this.name = 'HttpStatusError';
    this.url = url;
    this.status = status;
  }
}
