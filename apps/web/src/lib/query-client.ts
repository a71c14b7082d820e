import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@whatrack/api-client';

const MAX_RETRIES = 2;

/**
 * A query the database stopped for taking too long would only take as long again, adding to the load that may have
 * caused it: the user narrows the filters or retries by hand instead.
 */
const NOT_RETRIED_CODES: readonly string[] = ['statement_timeout'];

/** Client errors (4xx) will not fix themselves: only network failures and 5xx are retried. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const { statusCode, isNetworkError, code } = ApiError.from(error);
  if (NOT_RETRIED_CODES.includes(code)) return false;
  return failureCount < MAX_RETRIES && (isNetworkError || statusCode >= 500);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}
