import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@whatrack/api-client';

const MAX_RETRIES = 2;

/** Client errors (4xx) will not fix themselves: only network failures and 5xx are retried. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const { statusCode, isNetworkError } = ApiError.from(error);
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
