import { ApiError } from '@whatrack/api-client';
import { describe, expect, it } from 'vitest';
import { shouldRetry } from './query-client';

const failure = (statusCode: number, code: string) => new ApiError({ statusCode, error: 'Error', code, message: code });

describe('shouldRetry', () => {
  it('retries network failures and busy servers a couple of times', () => {
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldRetry(0, failure(503, 'server_busy'))).toBe(true);
    expect(shouldRetry(2, failure(503, 'server_busy'))).toBe(false);
  });

  it('does not retry client errors', () => {
    expect(shouldRetry(0, failure(400, 'invalid_input'))).toBe(false);
    expect(shouldRetry(0, failure(429, 'rate_limited'))).toBe(false);
  });

  it('does not run a query the database stopped for taking too long again', () => {
    expect(shouldRetry(0, failure(503, 'statement_timeout'))).toBe(false);
  });
});
