/** Attempts before an event is failed for good (still retryable by hand). */
export const MAX_ATTEMPTS = 8;
