import { WhatsappProvider } from '@whatrack/shared';
import { sql } from 'kysely';
import type { JobLease } from '../../common/jobs/job-queue';
import type { Json } from '../../database/generated/db';
import { qb } from '../../database/query-builder';
import { statementTemplate } from '../../database/statement-template';
import { cloudClaimRouteQuery } from '../whatsapp-instances/whatsapp-instance-routes.sql';
import type { ProcessingResult } from './webhook-processor';
import { CLAIMED_COLUMNS, jsonbOfText, NULL, status, timestamptz } from './webhook-events.sql';

/**
 * The hot intake and job-queue statements of webhook_events (WebhookEventsRepository runs them, prepared). Those
 * run once per request or batch are statement templates: built once, only their parameters change.
 */

/** A Cloud API delivery, filed under the instance its phone_number_id routes to (JSON as text). */
export const insertCloudStatement = statementTemplate(
  (p: { phoneNumberId: string | null; headers: string; body: string; now: Date }) =>
    qb
      .insertInto('webhook_events')
      .columns(['provider', 'organization_id', 'instance_id', 'headers', 'body', 'next_attempt_at'])
      .expression(
        qb
          .selectFrom(sql<{ one: number }>`(SELECT 1)`.as('one'))
          .leftJoinLateral(cloudClaimRouteQuery(sql<string | null>`${p.phoneNumberId}::varchar`).as('r'), (join) =>
            join.onTrue(),
          )
          .select([
            sql.lit(WhatsappProvider.CLOUD_API).as('provider'),
            'r.organizationId as organization_id',
            'r.id as instance_id',
            jsonbOfText(p.headers).as('headers'),
            jsonbOfText(p.body).as('body'),
            timestamptz(p.now).as('next_attempt_at'),
          ]),
      ),
);

/** A delivery already routed to its instance (JSON as text). */
export const insertStatement = statementTemplate(
  (p: {
    provider: WhatsappProvider;
    organizationId: string;
    instanceId: string;
    headers: string;
    body: string;
    now: Date;
  }) =>
    qb.insertInto('webhook_events').values({
      provider: p.provider,
      organization_id: p.organizationId,
      instance_id: p.instanceId,
      headers: jsonbOfText(p.headers),
      body: jsonbOfText(p.body),
      next_attempt_at: p.now,
    }),
);

/**
 * Due events (pending and due, or processing under a lease that ran out), up to `limit`, claimed with FOR UPDATE
 * SKIP LOCKED: an attempt counted, the lease taken; answered oldest first with their bodies.
 */
export function claimStatement(limit: number, lease: JobLease) {
  const now = timestamptz(lease.now);
  return qb
    .with('claimed', (q) =>
      q
        .updateTable('webhook_events')
        .set((eb) => ({
          status: status('processing'),
          attempts: eb('attempts', '+', eb.lit(1)),
          locked_at: now,
          lease_until: timestamptz(lease.until),
          updated_at: sql`now()`,
        }))
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('webhook_events')
            .select('id')
            .where((w) =>
              w.or([
                w.and([w('status', '=', status('pending')), w('next_attempt_at', '<=', now)]),
                w.and([w('status', '=', status('processing')), w('lease_until', '<', now)]),
              ]),
            )
            .orderBy('next_attempt_at')
            .orderBy('received_at')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
        )
        .returning(CLAIMED_COLUMNS),
    )
    .selectFrom('claimed')
    .select(CLAIMED_COLUMNS)
    .orderBy('received_at');
}

/** The outcomes of applied events as one UPDATE … FROM jsonb_to_recordset. */
export function markHandledStatement(outcomes: { id: string; result: ProcessingResult }[], now: Date) {
  const rows = outcomes.map(({ id, result }) => ({
    id,
    status: result.status,
    organization_id: result.organizationId,
    instance_id: result.instanceId,
    rejections: result.rejections,
  }));
  return markHandledTemplate({ rows: JSON.stringify(rows), now });
}

const markHandledTemplate = statementTemplate(({ rows, now }: { rows: string; now: Date }) => {
  const outcome = sql<{
    id: string;
    status: string;
    organization_id: string | null;
    instance_id: string | null;
    rejections: Json | null;
  }>`jsonb_to_recordset(${rows}::jsonb)`.as<'r'>(
    sql`r(id uuid, status varchar, organization_id uuid, instance_id uuid, rejections jsonb)`,
  );
  return qb
    .updateTable('webhook_events as e')
    .from(outcome)
    .set((eb) => {
      const unroutable = eb('r.status', '=', status('unroutable'));
      return {
        status: eb.ref('r.status'),
        organization_id: eb
          .case()
          .when(unroutable)
          .then(NULL)
          .else(eb.fn.coalesce('r.organization_id', 'e.organization_id'))
          .end(),
        instance_id: eb.case().when(unroutable).then(NULL).else(eb.fn.coalesce('r.instance_id', 'e.instance_id')).end(),
        processed_at: timestamptz(now),
        locked_at: NULL,
        lease_until: NULL,
        last_error: NULL,
        rejections: eb.fn.coalesce('r.rejections', sql<Json>`'[]'::jsonb`),
        updated_at: sql`now()`,
      };
    })
    .whereRef('e.id', '=', 'r.id');
});
