export type { components, operations, paths } from './schema.gen.js';
export { createApiClient, createAuthMiddleware, type ApiClient, type CreateApiClientOptions } from './client.js';
export { createApiHooks, type ApiHooks } from './hooks.js';
export {
  ApiError,
  describeApiError,
  unwrap,
  isErrorBody,
  NETWORK_ERROR_STATUS,
  type ErrorBody,
  type ErrorDetail,
} from './errors.js';
export type * from './types.js';
