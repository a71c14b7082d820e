import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../app/services';
import { ApiContext } from '../lib/ApiContext';
import { createFakeFetch, json, lastQuery } from '../test/fakeApi';
import { ticketList } from '../test/fixtures';
import { queryKeys } from './query-keys';
import { useApiQuery } from './useApiQuery';

describe('useApiQuery', () => {
  it('fetches the GET its key names and caches the answer under that key', async () => {
    const list = ticketList([]);
    const fetch = createFakeFetch({ 'GET /api/v1/tickets': () => json(200, list) });
    const services = createAppServices({ fetch, baseUrl: 'http://localhost:3000', storage: null });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={services.queryClient}>
        <ApiContext value={services.api}>{children}</ApiContext>
      </QueryClientProvider>
    );

    const key = queryKeys.tickets.list({ stageId: 's1', pageSize: 1 });
    const { result } = renderHook(() => useApiQuery(key, { select: (data) => data.total }), { wrapper });

    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(lastQuery(fetch, 'GET /api/v1/tickets')).toEqual({ stageId: 's1', pageSize: '1' });
    expect(result.current.data).toBe(list.total);
    expect(services.queryClient.getQueryData(key)).toEqual(list);
  });
});
