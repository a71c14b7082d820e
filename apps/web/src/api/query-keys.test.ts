import { QueryClient, hashKey, type QueryKey } from '@tanstack/react-query';
import { createApiClient, createApiHooks } from '@whatrack/api-client';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './query-keys';

const hooks = createApiHooks(createApiClient({ baseUrl: 'http://localhost:3000' }));

describe('queryKeys', () => {
  it('gives equal keys (and cache hashes) for equal parameters, whatever their order', () => {
    const a = queryKeys.tickets.list({ stageId: 's1', pageSize: 20, q: 'ana' });
    const b = queryKeys.tickets.list({ q: 'ana', pageSize: 20, stageId: 's1' });

    expect(a).toEqual(b);
    expect(hashKey(a)).toBe(hashKey(b));
    expect(hashKey(queryKeys.tickets.list({ stageId: 's2', pageSize: 20, q: 'ana' }))).not.toBe(hashKey(a));
    expect(queryKeys.tickets.detail('t1')).toEqual(queryKeys.tickets.detail('t1'));
  });

  it("makes exactly openapi-react-query's keys, so the factory's keys and the hooks' cache entries are the same", () => {
    const query = { dateRange: '7d', groupBy: 'utmCampaign' } as const;

    expect(queryKeys.me()).toEqual(hooks.queryOptions('get', '/api/v1/auth/me').queryKey);
    expect(queryKeys.stages()).toEqual(hooks.queryOptions('get', '/api/v1/stages').queryKey);
    expect(queryKeys.tickets.list({ pageSize: 1 })).toEqual(
      hooks.queryOptions('get', '/api/v1/tickets', { params: { query: { pageSize: 1 } } }).queryKey,
    );
    expect(queryKeys.tickets.detail('t1')).toEqual(
      hooks.queryOptions('get', '/api/v1/tickets/{id}', { params: { path: { id: 't1' } } }).queryKey,
    );
    expect(queryKeys.reports.attribution(query)).toEqual(
      hooks.queryOptions('get', '/api/v1/reports/attribution', { params: { query } }).queryKey,
    );
  });

  it('invalidates every ticket list and Kanban column by the lists prefix, and nothing else', async () => {
    const queryClient = new QueryClient();
    const keys = {
      page: queryKeys.tickets.list({ page: 2, pageSize: 20 }),
      count: queryKeys.tickets.list({ stageId: 's1', pageSize: 1 }),
      column: queryKeys.tickets.board({ stageId: 's1', pageSize: 20 }),
      detail: queryKeys.tickets.detail('t1'),
      stages: queryKeys.stages(),
      metaSettings: queryKeys.conversions.metaSettings(),
    };
    for (const key of Object.values(keys)) queryClient.setQueryData(key, { items: [] });

    await queryClient.invalidateQueries({ queryKey: queryKeys.tickets.lists() });

    const invalidated = (key: QueryKey) => queryClient.getQueryState(key)?.isInvalidated;
    expect(invalidated(keys.page)).toBe(true);
    expect(invalidated(keys.count)).toBe(true);
    expect(invalidated(keys.column)).toBe(true);
    expect(invalidated(keys.detail)).toBe(false);
    expect(invalidated(keys.stages)).toBe(false);
    expect(invalidated(keys.metaSettings)).toBe(false);
  });

  it('writes where the query reads: a key without parameters is the key of the query itself', () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.conversions.metaSettings(), { enabled: true });

    expect(queryClient.getQueryData(hooks.queryOptions('get', '/api/v1/conversions/meta-settings').queryKey)).toEqual({
      enabled: true,
    });
  });

  it('keeps Kanban columns apart from table pages, and reads the stage back from a column key', () => {
    const query = { stageId: 's1', pageSize: 20 };

    expect(hashKey(queryKeys.tickets.board(query))).not.toBe(hashKey(queryKeys.tickets.list(query)));
    expect(queryKeys.tickets.boardStageId(queryKeys.tickets.board(query))).toBe('s1');
    expect(queryKeys.tickets.boardStageId(queryKeys.tickets.list(query))).toBeUndefined();
    expect(queryKeys.tickets.boardStageId(queryKeys.messages('c1'))).toBeUndefined();
  });
});
