import createQueryClient, { type OpenapiQueryClient } from 'openapi-react-query';
import type { ApiClient } from './client.js';
import type { paths } from './schema.gen.js';

export type ApiHooks = OpenapiQueryClient<paths>;

/** React Query bindings: `$api.useQuery('get', '/api/v1/stages')`, `$api.useMutation('post', '/api/v1/auth/login')`. */
export function createApiHooks(client: ApiClient): ApiHooks {
  return createQueryClient(client);
}
