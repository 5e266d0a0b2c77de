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
