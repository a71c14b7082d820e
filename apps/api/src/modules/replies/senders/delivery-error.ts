/**
 * A provider refused or could not take a reply. `permanent`: sending the same request again cannot help (the
 * message fails at once with the provider's code and title); otherwise the outbox retries it with backoff.
 */
export class DeliveryError extends Error {
  constructor(
    readonly title: string,
    readonly permanent: boolean,
    readonly code: string | null = null,
  ) {
    super(code ? `${title} (code ${code})` : title);
  }
}

/** A request that never got an answer (refused, reset, timed out): always worth another try. */
export function networkFailure(provider: string, error: unknown): DeliveryError {
  const cause =
    (error as { cause?: { code?: string }; code?: string }).cause?.code ?? (error as { code?: string }).code;
  const reason = error instanceof Error ? error.name : 'Error';
  return new DeliveryError(`${provider} could not be reached (${cause ?? reason})`, false);
}
