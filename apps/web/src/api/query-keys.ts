import type { QueryKey } from '@tanstack/react-query';
import type { paths } from '@whatrack/api-client';

/** Every path the API answers GET on. */
export type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type GetOperation<P extends GetPath> = paths[P] extends { get: infer Operation } ? Operation : never;
type GetParameters<P extends GetPath> = GetOperation<P> extends { parameters: infer Parameters } ? Parameters : never;

/** The path and query parameters of GET `P`, as the spec types them (the `init` of openapi-fetch). */
export interface GetInit<P extends GetPath> {
  params: Pick<GetParameters<P>, Extract<keyof GetParameters<P>, 'path' | 'query'>>;
}
/** The query parameters of GET `P`. */
export type GetQuery<P extends GetPath> = NonNullable<GetParameters<P> extends { query?: infer Query } ? Query : never>;
/** What GET `P` answers with (its 200 JSON body). */
export type GetData<P extends GetPath> =
  GetOperation<P> extends { responses: { 200: { content: { 'application/json': infer Data } } } } ? Data : never;

/**
 * A cached GET: `['get', path]` or `['get', path, init]`, exactly the key openapi-react-query gives
 * `hooks.useQuery('get', path, init)`, so its first two elements are a prefix matching every cached answer of a path.
 * Infinite queries add a fourth element (`'board'`, `'latest'`) so they never share an entry with a plain query.
 */
export type ApiQueryKey<P extends GetPath = GetPath> = readonly ['get', P] | readonly ['get', P, GetInit<P>];

function all<P extends GetPath>(path: P): readonly ['get', P] {
  return ['get', path];
}

function withInit<P extends GetPath>(path: P, init: GetInit<P>): readonly ['get', P, GetInit<P>] {
  return ['get', path, init];
}

function withQuery<P extends GetPath>(path: P) {
  // TypeScript cannot follow `query` into the generic parameters type; the signature keeps callers exact.
  return (query: GetQuery<P>) => withInit(path, { params: { query } } as unknown as GetInit<P>);
}

const TICKETS = '/api/v1/tickets';
const BOARD = 'board';

/**
 * The one place query keys are made. Each entry is typed by the generated client: a list takes the query
 * parameters of its operation, a detail its path parameters; `all()` entries are prefixes for invalidation.
 */
export const queryKeys = {
  /** Any GET of `path`, whatever its parameters: the prefix to invalidate or cancel them all. */
  all,
  me: () => all('/api/v1/auth/me'),
  users: () => all('/api/v1/users'),
  stages: () => all('/api/v1/stages'),
  quickReplies: () => all('/api/v1/quick-replies'),
  apiKeys: () => all('/api/v1/api-keys'),
  whatsappInstances: () => all('/api/v1/whatsapp-instances'),
  /** Which server settings the WhatsApp webhooks need and whether each is set. */
  whatsappSetup: () => all('/api/v1/whatsapp-instances/setup'),
  /** A line's approved message templates (the WABA's list, cached by the API for a few minutes). */
  whatsappTemplates: (id: string) =>
    withInit('/api/v1/whatsapp-instances/{id}/templates', { params: { path: { id } } }),
  trackingLinks: () => all('/api/v1/tracking-links'),
  webhookEvents: { all: () => all('/api/v1/webhook-events'), list: withQuery('/api/v1/webhook-events') },
  adSpend: { all: () => all('/api/v1/ad-spend'), list: withQuery('/api/v1/ad-spend') },
  conversions: {
    all: () => all('/api/v1/conversions'),
    list: withQuery('/api/v1/conversions'),
    metaSettings: () => all('/api/v1/conversions/meta-settings'),
  },
  tickets: {
    /** Every cached ticket list: table pages, Kanban columns, counts and origins. */
    lists: () => all(TICKETS),
    list: withQuery(TICKETS),
    /** One Kanban column, loaded page by page (the query holds its stage; `page` is the page parameter). */
    board: (query: GetQuery<typeof TICKETS>) => [...withQuery(TICKETS)(query), BOARD] as const,
    /** The stage of a Kanban column's key (undefined for any other key). */
    boardStageId: (key: QueryKey): string | undefined => {
      if (key[0] !== 'get' || key[1] !== TICKETS || key[3] !== BOARD) return undefined;
      return (key[2] as GetInit<typeof TICKETS> | undefined)?.params.query?.stageId;
    },
    detail: (id: string) => withInit('/api/v1/tickets/{id}', { params: { path: { id } } }),
    /** The queue views' counts (mine, unassigned, waiting, unread), over open tickets. */
    views: () => all('/api/v1/tickets/views'),
    inbounds: withQuery('/api/v1/tickets/inbounds'),
  },
  /** A conversation's messages, newest first, loaded page by page. */
  messages: (conversationId: string) =>
    [
      ...withInit('/api/v1/conversations/{id}/messages', { params: { path: { id: conversationId } } }),
      'latest',
    ] as const,
  webhookSubscriptions: {
    all: () => all('/api/v1/webhook-subscriptions'),
    /** A subscription's latest deliveries (the first page of its log). */
    deliveries: (id: string) => withInit('/api/v1/webhook-subscriptions/{id}/deliveries', { params: { path: { id } } }),
  },
  /** A ticket's internal notes, newest first, loaded page by page (merged into its chat). */
  notes: (ticketId: string) =>
    [...withInit('/api/v1/tickets/{id}/notes', { params: { path: { id: ticketId } } }), 'latest'] as const,
  reports: {
    attribution: withQuery('/api/v1/reports/attribution'),
    timeseries: withQuery('/api/v1/reports/timeseries'),
    funnel: withQuery('/api/v1/reports/funnel'),
    support: withQuery('/api/v1/reports/support'),
  },
};
