import type { EntityManager } from 'typeorm';

/** A table and the PostgreSQL type of each column written by the seed. */
export interface TableSpec {
  table: string;
  columns: Record<string, string>;
}

const TENANT = { organization_id: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz' };

export const TABLES = {
  organizations: {
    table: 'organizations',
    columns: {
      id: 'uuid',
      name: 'text',
      timezone: 'text',
      currency: 'text',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
  },
  users: {
    table: 'users',
    columns: { id: 'uuid', ...TENANT, name: 'text', email: 'text', password_hash: 'text', role: 'text' },
  },
  instances: {
    table: 'whatsapp_instances',
    columns: {
      id: 'uuid',
      ...TENANT,
      name: 'text',
      phone_number: 'text',
      provider: 'text',
      provider_phone_number_id: 'text',
      provider_business_account_id: 'text',
      webhook_token: 'text',
    },
  },
  stages: {
    table: 'ticket_stages',
    columns: { id: 'uuid', ...TENANT, name: 'text', color: 'text', position: 'int', is_closed: 'boolean' },
  },
  leads: {
    table: 'leads',
    columns: { id: 'uuid', ...TENANT, name: 'text', phone: 'text', phone_key: 'text', email: 'text' },
  },
  conversations: {
    table: 'whatsapp_conversations',
    columns: { id: 'uuid', ...TENANT, lead_id: 'uuid', instance_id: 'uuid', last_message_at: 'timestamptz' },
  },
  tickets: {
    table: 'tickets',
    columns: {
      id: 'uuid',
      ...TENANT,
      conversation_id: 'uuid',
      lead_id: 'uuid',
      stage_id: 'uuid',
      assignee_id: 'uuid',
      assignee_name: 'text',
      deal_value: 'numeric',
      creator_type: 'text',
      source_type: 'text',
      status: 'text',
      closed_at: 'timestamptz',
      messages_count: 'int',
      sales_count: 'int',
      sales_total: 'numeric',
    },
  },
  trackings: {
    table: 'ticket_trackings',
    columns: {
      id: 'uuid',
      ...TENANT,
      ticket_id: 'uuid',
      utm_source: 'text',
      utm_medium: 'text',
      utm_campaign: 'text',
      utm_term: 'text',
      utm_content: 'text',
      ad_platform_id: 'uuid',
      ad_id: 'text',
      source_url: 'text',
    },
  },
  identifiers: {
    table: 'ticket_tracking_identifiers',
    columns: { id: 'uuid', ...TENANT, tracking_id: 'uuid', identifier_type_id: 'uuid', value: 'text' },
  },
  messages: {
    table: 'whatsapp_messages',
    columns: {
      id: 'uuid',
      ...TENANT,
      conversation_id: 'uuid',
      ticket_id: 'uuid',
      instance_id: 'uuid',
      provider_message_id: 'text',
      direction: 'text',
      type: 'text',
      body: 'text',
      status: 'text',
      sent_at: 'timestamptz',
      raw: 'jsonb',
    },
  },
  sales: {
    table: 'sales',
    columns: {
      id: 'uuid',
      ...TENANT,
      ticket_id: 'uuid',
      value: 'numeric',
      description: 'text',
      sold_at: 'timestamptz',
      created_by_user_id: 'uuid',
    },
  },
  events: {
    table: 'ticket_events',
    columns: {
      id: 'uuid',
      ...TENANT,
      ticket_id: 'uuid',
      type: 'text',
      actor_type: 'text',
      actor_id: 'uuid',
      actor_name: 'text',
      before: 'jsonb',
      after: 'jsonb',
    },
  },
} satisfies Record<string, TableSpec>;

const quote = (name: string) => `"${name}"`;

/**
 * Inserts rows with one statement per chunk: the rows travel as a single jsonb parameter expanded by
 * jsonb_to_recordset, in order (so a serial column follows the array order).
 */
export async function insertRows(
  m: EntityManager,
  spec: TableSpec,
  rows: readonly Record<string, unknown>[],
  chunkSize = 1000,
): Promise<void> {
  const names = Object.keys(spec.columns);
  const columns = names.map(quote).join(', ');
  const definition = names.map((name) => `${quote(name)} ${spec.columns[name]}`).join(', ');
  const sql = `INSERT INTO ${quote(spec.table)} (${columns}) SELECT ${columns} FROM jsonb_to_recordset($1::jsonb) AS x(${definition})`;
  for (let i = 0; i < rows.length; i += chunkSize) {
    await m.query(sql, [JSON.stringify(rows.slice(i, i + chunkSize))]);
  }
}

/** Sets messages_count, sales_count and sales_total of the organization's tickets from the rows themselves. */
export async function recomputeTicketCounters(m: EntityManager, organizationId: string): Promise<void> {
  await m.query(
    `UPDATE tickets t
     SET messages_count = (SELECT count(*) FROM whatsapp_messages x WHERE x.organization_id = $1 AND x.ticket_id = t.id),
         sales_count = (SELECT count(*) FROM sales x WHERE x.organization_id = $1 AND x.ticket_id = t.id),
         sales_total = (SELECT COALESCE(sum(x.value), 0) FROM sales x WHERE x.organization_id = $1 AND x.ticket_id = t.id)
     WHERE t.organization_id = $1`,
    [organizationId],
  );
}

export interface CounterCheck {
  tickets: number;
  messages: number;
  sales: number;
  salesTotal: string;
  /** Tickets whose counters differ from the real counts/sums (must be 0). */
  mismatched: number;
  /** Tickets whose status/closed_at disagree with their stage (must be 0). */
  statusMismatched: number;
}

/** Compares every ticket's counters with the real counts and sums. */
export async function checkCounters(m: EntityManager, organizationId: string): Promise<CounterCheck> {
  const [row] = await m.query<
    {
      tickets: number;
      messages: number;
      sales: number;
      sales_total: string;
      mismatched: number;
      status_mismatched: number;
    }[]
  >(
    `WITH msg AS (SELECT ticket_id, count(*)::int AS n FROM whatsapp_messages WHERE organization_id = $1 GROUP BY ticket_id),
          s AS (SELECT ticket_id, count(*)::int AS n, sum(value) AS total FROM sales WHERE organization_id = $1 GROUP BY ticket_id)
     SELECT count(*)::int AS tickets,
            COALESCE(sum(msg.n), 0)::int AS messages,
            COALESCE(sum(s.n), 0)::int AS sales,
            COALESCE(sum(s.total), 0)::text AS sales_total,
            count(*) FILTER (WHERE t.messages_count <> COALESCE(msg.n, 0) OR t.sales_count <> COALESCE(s.n, 0)
                                OR t.sales_total <> COALESCE(s.total, 0))::int AS mismatched,
            count(*) FILTER (WHERE (st.is_closed <> (t.status = 'closed')) OR (st.is_closed <> (t.closed_at IS NOT NULL)))::int
              AS status_mismatched
     FROM tickets t
     JOIN ticket_stages st ON st.organization_id = t.organization_id AND st.id = t.stage_id
     LEFT JOIN msg ON msg.ticket_id = t.id
     LEFT JOIN s ON s.ticket_id = t.id
     WHERE t.organization_id = $1`,
    [organizationId],
  );
  return {
    tickets: row.tickets,
    messages: row.messages,
    sales: row.sales,
    salesTotal: row.sales_total,
    mismatched: row.mismatched,
    statusMismatched: row.status_mismatched,
  };
}
