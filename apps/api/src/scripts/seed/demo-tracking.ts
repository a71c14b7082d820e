import { randomUUID } from 'node:crypto';
import type { TicketSourceType } from '@whatrack/shared';
import { derivePlatformKey, deriveSourceType } from '../../modules/tracking/attribution';
import { STORE_URL, type TrafficProfile } from './catalog';
import { type DemoContext, tenantRow } from './demo-context';
import type { Random } from './random';

/**
 * The tracking row of one ticket (UTMs, ad platform, landing URL) and its click ids, attributed as the API
 * does: the platform by derivePlatformKey, paid/organic by deriveSourceType. Returns the ticket's source type.
 */
export function addTracking(
  ctx: DemoContext,
  ticketId: string,
  profile: TrafficProfile,
  createdAt: number,
): TicketSourceType {
  const { random, data, organizationId: org } = ctx;
  const clickIds: Record<string, string> = {};
  if (profile.clickId) clickIds[profile.clickId] = clickIdValue(random, profile.clickId);
  const clickIdPlatforms = Object.keys(clickIds).map((key) => identifierType(ctx, key).platformKey);
  const platformKey = derivePlatformKey(clickIdPlatforms, profile.utmSource, profile.utmMedium);
  const sourceType = deriveSourceType(!!profile.clickId, profile.utmMedium);
  const campaign = random.pick(profile.campaigns);
  const term = profile.terms ? random.pick(profile.terms) : null;
  const content = profile.contents ? random.pick(profile.contents) : null;
  const trackingId = randomUUID();
  data.trackings.push(
    tenantRow(
      org,
      {
        id: trackingId,
        ticket_id: ticketId,
        utm_source: profile.utmSource,
        utm_medium: profile.utmMedium,
        utm_campaign: campaign,
        utm_term: term,
        utm_content: content,
        ad_platform_id: platformKey ? (ctx.platformIds.get(platformKey) ?? null) : null,
        ad_id: profile.withAdId ? `12021${random.digits(13)}` : null,
        source_url: profile.landingPath
          ? landingUrl(profile, { utm_campaign: campaign, utm_term: term, utm_content: content, ...clickIds })
          : null,
      },
      createdAt,
    ),
  );
  for (const [key, value] of Object.entries(clickIds)) {
    data.identifiers.push(
      tenantRow(
        org,
        { id: randomUUID(), tracking_id: trackingId, identifier_type_id: identifierType(ctx, key).id, value },
        createdAt,
      ),
    );
  }
  return sourceType;
}

function identifierType(ctx: DemoContext, key: string): { id: string; platformKey: string } {
  const type = ctx.identifierTypes.get(key);
  if (!type) throw new Error(`Unknown click-id type ${key}: are the reference data migrations applied?`);
  return type;
}

function clickIdValue(random: Random, key: string): string {
  switch (key) {
    case 'gclid':
      return `Cj0KCQjw${random.token(80)}`;
    case 'gbraid':
      return `0AAAAAD${random.token(40)}`;
    case 'fbclid':
      return `IwAR${random.token(56)}`;
    case 'ctwaclid':
      return `ARA${random.token(60)}`;
    default:
      return `E.C.P.${random.token(48)}`;
  }
}

function landingUrl(profile: TrafficProfile, extra: Record<string, string | null>): string {
  const url = new URL(profile.landingPath ?? '/', STORE_URL);
  if (profile.utmSource) url.searchParams.set('utm_source', profile.utmSource);
  if (profile.utmMedium) url.searchParams.set('utm_medium', profile.utmMedium);
  for (const [key, value] of Object.entries(extra)) if (value) url.searchParams.set(key, value);
  return url.toString();
}
