import { ApiError, createApiClient, unwrap } from '@whatrack/api-client';
import { describe, expect, it, vi } from 'vitest';
import { apiError, createFakeFetch, json } from '../test/fakeApi';
import { me } from '../test/fixtures';

const baseUrl = 'http://localhost:3000';

describe('createApiClient (libs/api-client)', () => {
  it('sends the Bearer token and calls onUnauthorized on a 401', async () => {
    const onUnauthorized = vi.fn();
    const fetch = createFakeFetch({ 'GET /api/v1/auth/me': () => apiError(401, 'Unauthorized', 'Expired token') });
    const client = createApiClient({ baseUrl, fetch, getToken: () => 'abc', onUnauthorized });

    const { error, response } = await client.GET('/api/v1/auth/me');

    expect(fetch.mock.calls[0][0].headers.get('Authorization')).toBe('Bearer abc');
    expect(response.status).toBe(401);
    expect(error).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'unauthorized', message: 'Expired token' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('does not treat a 401 of an anonymous request (wrong password) as an expired session', async () => {
    const onUnauthorized = vi.fn();
    const fetch = createFakeFetch({
      'POST /api/v1/auth/login': () => apiError(401, 'Unauthorized', 'Invalid email or password'),
    });
    const client = createApiClient({ baseUrl, fetch, getToken: () => null, onUnauthorized });

    await client.POST('/api/v1/auth/login', { body: { email: 'a@b.co', password: 'x' } });

    expect(fetch.mock.calls[0][0].headers.has('Authorization')).toBe(false);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('returns typed data on success', async () => {
    const fetch = createFakeFetch({ 'GET /api/v1/auth/me': () => json(200, me) });
    const client = createApiClient({ baseUrl, fetch });

    const { data } = await client.GET('/api/v1/auth/me');

    expect(data?.organization.name).toBe('Loja da Maria');
  });

  it('turns a non-JSON failure (proxy page) into the documented error body', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/stages': () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    });
    const client = createApiClient({ baseUrl, fetch });

    const { error } = await client.GET('/api/v1/stages');

    expect(error).toEqual({ statusCode: 502, error: 'Bad Gateway', message: '502 Bad Gateway' });
  });

  it('throws an ApiError with statusCode 0 when the network fails', async () => {
    const fetch = createFakeFetch({ 'GET /api/v1/stages': () => Promise.reject(new TypeError('Failed to fetch')) });
    const client = createApiClient({ baseUrl, fetch });

    const failure: unknown = await client.GET('/api/v1/stages').catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ statusCode: 0, isNetworkError: true, message: 'Failed to fetch' });
  });
});

describe('ApiError', () => {
  it('builds a readable message from the message and the details it does not repeat', () => {
    const error = ApiError.from({
      statusCode: 400,
      error: 'Bad Request',
      message: 'lead.phone must be a valid phone number',
      details: [
        { field: 'lead.phone', message: 'lead.phone must be a valid phone number' },
        { field: 'utm.source', message: 'must be shorter than 100 characters' },
        { message: 'Check the request' },
      ],
    });

    expect(error.toReadableString()).toBe(
      'lead.phone must be a valid phone number\n- utm.source: must be shorter than 100 characters\n- Check the request',
    );
    expect(error.fieldErrors).toEqual({
      'lead.phone': 'lead.phone must be a valid phone number',
      'utm.source': 'must be shorter than 100 characters',
    });
  });

  it('normalizes anything thrown', () => {
    expect(ApiError.from('boom')).toMatchObject({ statusCode: 0, message: 'boom' });
    expect(ApiError.from(undefined)).toMatchObject({ statusCode: 0, message: 'Unexpected error' });
    const original = new ApiError({ statusCode: 409, error: 'Conflict', code: 'conflict', message: 'Duplicated' });
    expect(ApiError.from(original)).toBe(original);
  });
});

describe('unwrap', () => {
  it('returns the data of a success and throws the failure as an ApiError', async () => {
    const fetch = createFakeFetch({
      'GET /api/v1/auth/me': () => json(200, me),
      'GET /api/v1/stages': () => apiError(403, 'Forbidden', 'Not yours'),
      'DELETE /api/v1/sales/s1': () => new Response(null, { status: 204 }),
    });
    const client = createApiClient({ baseUrl, fetch });

    expect(unwrap(await client.GET('/api/v1/auth/me')).organization.name).toBe('Loja da Maria');
    expect(unwrap(await client.DELETE('/api/v1/sales/{id}', { params: { path: { id: 's1' } } }))).toBeUndefined();
    const failure: unknown = await client
      .GET('/api/v1/stages')
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ statusCode: 403, message: 'Not yours' });
  });
});
