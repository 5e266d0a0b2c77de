/** Every error the API answers with has this shape: a stable code and a sentence for people. */
export interface ApiError {
  error: string;
  message: string;
  /** Field-level problems of a rejected request (path → message). */
  problems?: string[];
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'too_many_requests',
  500: 'internal_error',
  501: 'not_implemented',
  503: 'unavailable',
};

export function errorCode(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}

/** Thrown by route handlers; the error handler turns it into the JSON shape above. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly problems?: string[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function apiError(status: number, message: string, problems?: string[]): ApiError {
  return problems && problems.length > 0 ? { error: errorCode(status), message, problems } : { error: errorCode(status), message };
}
