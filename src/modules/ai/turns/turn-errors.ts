/** The turn cannot finish now (model failed, voice note still downloading): the job retries it with backoff. */
export class TurnRetryLaterError extends Error {
  override readonly name = 'TurnRetryLaterError';
}
