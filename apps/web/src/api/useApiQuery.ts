import { useQuery, type QueryFunction, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { useApi } from '../lib/useApi';
import type { ApiQueryKey, GetData, GetPath } from './query-keys';

export type ApiQueryOptions<P extends GetPath, TData> = Omit<
  UseQueryOptions<GetData<P>, unknown, TData, ApiQueryKey<P>>,
  'queryKey' | 'queryFn'
>;

/** openapi-react-query's `queryOptions`, seen through a key that the factory already typed. */
type KeyedQueryOptions = (
  method: 'get',
  path: GetPath,
  init?: unknown,
) => { queryKey: ApiQueryKey; queryFn: QueryFunction<unknown> };

/**
 * `useQuery` of a GET made from its `queryKeys` entry: openapi-react-query fetches it (method, path and parameters
 * come from the key) and the answer is typed by the spec.
 */
export function useApiQuery<P extends GetPath, TData = GetData<P>>(
  key: ApiQueryKey<P>,
  options?: ApiQueryOptions<P, TData>,
): UseQueryResult<TData, unknown> {
  const { hooks } = useApi();
  const { queryFn } = (hooks.queryOptions as unknown as KeyedQueryOptions)(key[0], key[1], key[2]);
  return useQuery({ ...options, queryKey: key, queryFn: queryFn as QueryFunction<GetData<P>, ApiQueryKey<P>> });
}
