/** An error the user can act on: the message is shown as it is, without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Programming errors are never retried (kafkajs's rule): retrying a TypeError cannot help. */
export function isProgrammingError(err: unknown): boolean {
  return err instanceof TypeError || err instanceof RangeError || err instanceof SyntaxError || err instanceof ReferenceError;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Something the work depends on is unavailable — a full disk, a locked or closed database, a
 * refused connection, a broker that is restarting — rather than anything wrong with the input.
 * Such a failure is waited out (and reported) instead of being charged to the message, which
 * would dead-letter good messages during an outage.
 */
export function isDependencyFailure(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== 'object') break;
    const { code, name, retriable, message } = e as { code?: unknown; name?: unknown; retriable?: unknown; message?: unknown };
    if (typeof code === 'string' && DEPENDENCY_CODE.test(code)) return true;
    if (typeof name === 'string' && name.startsWith('KafkaJS') && retriable === true) return true;
    if (typeof message === 'string' && DEPENDENCY_MESSAGE.test(message)) return true;
  }
  return false;
}

const DEPENDENCY_CODE =
  /^(?:SQLITE_(?:BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|PROTOCOL|NOMEM)\w*|ENOSPC|EDQUOT|EIO|EROFS|EMFILE|ENFILE|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|ENOTFOUND|UND_ERR_\w+|ERR_WORKER_INIT_FAILED)$/;
const DEPENDENCY_MESSAGE = /database or disk is full|database is locked|disk I\/O error|no space left on device|The database connection is not open/i;
