/**
 * One error type for every service: handlers throw it, and the protocol writer of the service
 * renders it in that protocol's wire shape (REST-JSON header, JSON `__type`, query XML `<Error>`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The awsQuery error code for query-compatible JSON services (CloudWatch), when it differs. */
    readonly queryCode?: string,
  ) {
    super(message);
    this.name = code;
  }

  /** Sender = the caller's fault (4xx), Receiver = ours (5xx), as query protocols report it. */
  get faultType(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

export const HTTP_OK = 200;
export const HTTP_BAD_REQUEST = 400;
export const HTTP_UNAUTHORIZED = 401;
export const HTTP_FORBIDDEN = 403;
export const HTTP_NOT_FOUND = 404;
export const HTTP_CONFLICT = 409;
export const HTTP_TOO_MANY_REQUESTS = 429;
export const HTTP_INTERNAL_ERROR = 500;
