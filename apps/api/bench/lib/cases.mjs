// The cases `npm run bench` measures: each a name, a target and the autocannon requests (some vary per request).

/** Same formula as the seed: the phone of lead #i, as an agent would type part of it ("96012-3456"). */
function phoneFragmentOfLead(i) {
  const num = String(60_000_000 + ((i * 7919) % 40_000_000));
  return `9${num.slice(0, 4)}-${num.slice(4)}`;
}

/** Terms an agent's first keystrokes send: single letters and common two-letter starts of names. */
const SHORT_TERMS = ['a', 'e', 'm', 'j', 'an', 'ma', 'ju', 'fe', 'ca', 'r'];

/**
 * Every case, for the seeded organization `org` (`db`: a pg client on its database). `targets` holds the p95 and
 * throughput targets of the issue.
 */
export async function benchCases({ db, org, token, stages, users, instance, targets }) {
  const { LISTING_P95_MS, SEARCH_P95_MS, ATTRIBUTION_P95_MS, CREATE_MIN_RPS } = targets;
  const stageId = stages[1].id;
  const assigneeId = users[1].id;
  const qName = 'fernanda';
  const qPhone = phoneFragmentOfLead(12_345);
  const sample = async (n) =>
    (await db.query('SELECT id FROM tickets WHERE organization_id = $1 ORDER BY random() LIMIT $2', [org, n])).rows.map(
      (r) => r.id,
    );
  const detailIds = await sample(5000);
  const patchIds = await sample(5000);
  const auth = { authorization: `Bearer ${token}` };
  const jsonAuth = { ...auth, 'content-type': 'application/json' };
  let n = 0;

  // cacheable: measured on the API with its read cache and again on the one without (READ_CACHE_TTL_MS=0).
  const listing = (name, kind, query, target) => ({
    name,
    kind,
    query,
    cacheable: true,
    target: { p95: target },
    requests: [
      {
        method: 'GET',
        path: `/api/v1/tickets${kind === 'inbounds' ? '/inbounds' : ''}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`,
        headers: auth,
      },
    ],
  });
  return [
    // Reference: the cost of an authenticated request that does almost nothing (guards, pipes, logging).
    {
      name: 'GET /auth/me (floor)',
      target: {},
      requests: [{ method: 'GET', path: '/api/v1/auth/me', headers: auth }],
    },
    listing('GET /tickets (default)', 'list', {}, LISTING_P95_MS),
    listing('GET /tickets ?stageId', 'list', { stageId }, LISTING_P95_MS),
    listing('GET /tickets ?origin=google', 'list', { origin: 'google' }, LISTING_P95_MS),
    listing('GET /tickets ?source=paid', 'list', { source: 'paid' }, LISTING_P95_MS),
    listing('GET /tickets ?hasSales=true', 'list', { hasSales: 'true' }, LISTING_P95_MS),
    listing('GET /tickets ?dateRange=30d', 'list', { dateRange: '30d' }, LISTING_P95_MS),
    listing('GET /tickets ?assigneeId', 'list', { assigneeId }, LISTING_P95_MS),
    listing('GET /tickets ?sort=-lastMessageAt', 'list', { sort: '-lastMessageAt' }, LISTING_P95_MS),
    listing(
      'GET /tickets ?waiting=true&sort=waitingSince',
      'list',
      { waiting: 'true', sort: 'waitingSince' },
      LISTING_P95_MS,
    ),
    listing('GET /tickets ?assigneeId=me&unread=true', 'list', { assigneeId: 'me', unread: 'true' }, LISTING_P95_MS),
    {
      name: 'GET /tickets/views',
      cacheable: true,
      target: { p95: LISTING_P95_MS },
      requests: [{ method: 'GET', path: '/api/v1/tickets/views', headers: auth }],
    },
    listing(`GET /tickets ?q=${qName}`, 'list', { q: qName }, SEARCH_P95_MS),
    listing(`GET /tickets ?q=${qPhone}`, 'list', { q: qPhone }, SEARCH_P95_MS),
    {
      // Informational, like the uncached listing below: a one- or two-letter search, a new one on every request
      // (the read cache never helps), what an agent typing the first letters costs. Before the bounded search one
      // such request took 10-30 s.
      name: 'GET /tickets ?q=<1-2 letters> (uncached)',
      target: {},
      requests: [
        {
          method: 'GET',
          headers: auth,
          setupRequest: (req) => {
            const term = SHORT_TERMS[n % SHORT_TERMS.length];
            const day = new Date(Date.UTC(2015, 0, 1) + (n++ % 1_000) * 86_400_000).toISOString().slice(0, 10);
            return { ...req, path: `/api/v1/tickets?${new URLSearchParams({ q: term, dateFrom: day })}` };
          },
        },
      ],
    },
    listing('GET /tickets ?page=4000&pageSize=20', 'list', { page: '4000', pageSize: '20' }, LISTING_P95_MS),
    listing('GET /tickets/inbounds', 'inbounds', {}, LISTING_P95_MS),
    {
      // Informational: every request a filter not seen before, so nothing comes from the read cache.
      name: 'GET /tickets (uncached: new dateFrom)',
      target: {},
      requests: [
        {
          method: 'GET',
          headers: auth,
          setupRequest: (req) => {
            const day = new Date(Date.UTC(2020, 0, 1) + (n++ % 20_000) * 86_400_000).toISOString().slice(0, 10);
            return { ...req, path: `/api/v1/tickets?dateFrom=${day}` };
          },
        },
      ],
    },
    {
      name: 'GET /reports/attribution ?groupBy=utmCampaign',
      cacheable: true,
      target: { p95: ATTRIBUTION_P95_MS },
      requests: [{ method: 'GET', path: '/api/v1/reports/attribution?groupBy=utmCampaign', headers: auth }],
    },
    ...[
      [
        'GET /reports/attribution ?dateRange=30d&groupBy=platform',
        '/reports/attribution?dateRange=30d&groupBy=platform',
      ],
      ['GET /reports/timeseries ?interval=week&groupBy=platform', '/reports/timeseries?interval=week&groupBy=platform'],
      ['GET /reports/funnel ?dateRange=90d', '/reports/funnel?dateRange=90d'],
    ].map(([name, path]) => ({
      name,
      cacheable: true,
      target: { p95: ATTRIBUTION_P95_MS },
      requests: [{ method: 'GET', path: `/api/v1${path}`, headers: auth }],
    })),
    {
      name: 'GET /tickets/:id',
      target: {},
      requests: [
        {
          method: 'GET',
          headers: auth,
          setupRequest: (req) => ({ ...req, path: `/api/v1/tickets/${detailIds[n++ % detailIds.length]}` }),
        },
      ],
    },
    {
      name: 'PATCH /tickets/:id (dealValue)',
      target: {},
      requests: [
        {
          method: 'PATCH',
          headers: jsonAuth,
          setupRequest: (req) => {
            n++;
            return {
              ...req,
              path: `/api/v1/tickets/${patchIds[n % patchIds.length]}`,
              body: JSON.stringify({ dealValue: (10_000 + (n % 100_000)) / 100 }),
            };
          },
        },
      ],
    },
    {
      name: 'POST /tickets',
      target: { rps: CREATE_MIN_RPS },
      requests: [
        {
          method: 'POST',
          path: '/api/v1/tickets',
          headers: jsonAuth,
          setupRequest: (req) => {
            n++;
            return {
              ...req,
              body: JSON.stringify({
                instanceId: instance.id,
                // Unique per request: +55 11 95xxx-xxxx never collides with the seeded 96..99 numbers.
                lead: { name: `Cliente Bench ${n}`, phone: `+55119${50_000_000 + n}` },
                ticket: { utmSource: 'google', utmMedium: 'cpc', utmCampaign: 'bench', gclid: `bench-gclid-${n}` },
              }),
            };
          },
        },
      ],
    },
  ];
}
