import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Realtime events (GET /events): row triggers announce committed changes on the `whatrack_events` channel as
 * `{ id, organizationId, type, data }`, ids from one sequence shared by every API instance. NOTIFY is delivered at
 * commit, in commit order, to every listening instance, and only for transactions that committed. Payloads carry
 * ids, states and a 140-character preview: a few hundred bytes, far below NOTIFY's 8000-byte limit.
 */
const ISO_FUNCTION = `CREATE FUNCTION "realtime_iso"(ts timestamptz) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  $$`;

const NOTIFY_FUNCTION = `CREATE FUNCTION "realtime_notify"(org uuid, event_type text, data json) RETURNS void
  LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('whatrack_events', json_build_object(
      'id', nextval('realtime_event_id_seq')::text, 'organizationId', org, 'type', event_type, 'data', data)::text);
  END $$`;

/** What a ticket event says about the row: the fields GET /tickets/:id shows under the same names. */
const TICKET_STATE = `json_build_object(
      'ticketId', NEW.id, 'stageId', NEW.stage_id, 'assigneeId', NEW.assignee_id, 'dealValue', NEW.deal_value,
      'status', NEW.status, 'unreadCount', NEW.unread_count, 'waitingSince', realtime_iso(NEW.waiting_since),
      'lastMessageAt', realtime_iso(NEW.last_message_at), 'lastMessagePreview', NEW.last_message_preview,
      'lastMessageType', NEW.last_message_type, 'lastMessageDirection', NEW.last_message_direction,
      'updatedAt', realtime_iso(NEW.updated_at))`;

const TICKET_FIELDS = [
  'stage_id',
  'assignee_id',
  'deal_value',
  'status',
  'unread_count',
  'waiting_since',
  'last_message_at',
  'last_message_preview',
  'last_message_type',
  'last_message_direction',
];
const tuple = (row: string, fields: string[]) => `(${fields.map((f) => `${row}.${f}`).join(', ')})`;

const TICKETS_FUNCTION = `CREATE FUNCTION "realtime_tickets_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM realtime_notify(NEW.organization_id, 'ticket.created', json_build_object(
        'ticketId', NEW.id, 'stageId', NEW.stage_id, 'assigneeId', NEW.assignee_id, 'status', NEW.status,
        'createdAt', realtime_iso(NEW.created_at)));
    ELSIF ${tuple('OLD', TICKET_FIELDS)} IS DISTINCT FROM ${tuple('NEW', TICKET_FIELDS)} THEN
      PERFORM realtime_notify(NEW.organization_id, 'ticket.updated', ${TICKET_STATE});
    END IF;
    RETURN NULL;
  END $$`;

const MESSAGE_FIELDS = ['status', 'deleted_at', 'body', 'content'];

const MESSAGES_FUNCTION = `CREATE FUNCTION "realtime_messages_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM realtime_notify(NEW.organization_id, 'message.created', json_build_object(
        'ticketId', NEW.ticket_id, 'conversationId', NEW.conversation_id, 'messageId', NEW.id,
        'direction', NEW.direction, 'type', NEW.type, 'status', NEW.status, 'createdAt', realtime_iso(NEW.created_at)));
    ELSIF (OLD.status, OLD.deleted_at, OLD.body) IS DISTINCT FROM (NEW.status, NEW.deleted_at, NEW.body)
          OR OLD.content::text IS DISTINCT FROM NEW.content::text THEN
      PERFORM realtime_notify(NEW.organization_id, 'message.updated', json_build_object(
        'ticketId', NEW.ticket_id, 'messageId', NEW.id, 'status', NEW.status));
    END IF;
    RETURN NULL;
  END $$`;

const SALES_FUNCTION = `CREATE FUNCTION "realtime_sales_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM realtime_notify(NEW.organization_id, 'sale.created', json_build_object(
        'ticketId', NEW.ticket_id, 'saleId', NEW.id, 'value', NEW.value));
    ELSE
      PERFORM realtime_notify(OLD.organization_id, 'sale.deleted', json_build_object(
        'ticketId', OLD.ticket_id, 'saleId', OLD.id));
    END IF;
    RETURN NULL;
  END $$`;

export class RealtimeEvents1796300000000 implements MigrationInterface {
  name = 'RealtimeEvents1796300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "realtime_event_id_seq"`);
    await queryRunner.query(ISO_FUNCTION);
    await queryRunner.query(NOTIFY_FUNCTION);
    await queryRunner.query(TICKETS_FUNCTION);
    await queryRunner.query(MESSAGES_FUNCTION);
    await queryRunner.query(SALES_FUNCTION);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_tickets_realtime" AFTER INSERT OR UPDATE ON "tickets"
       FOR EACH ROW EXECUTE FUNCTION realtime_tickets_notify()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_whatsapp_messages_realtime" AFTER INSERT OR UPDATE ON "whatsapp_messages"
       FOR EACH ROW EXECUTE FUNCTION realtime_messages_notify()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_sales_realtime" AFTER INSERT OR DELETE ON "sales"
       FOR EACH ROW EXECUTE FUNCTION realtime_sales_notify()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_sales_realtime" ON "sales"`);
    await queryRunner.query(`DROP TRIGGER "TRG_whatsapp_messages_realtime" ON "whatsapp_messages"`);
    await queryRunner.query(`DROP TRIGGER "TRG_tickets_realtime" ON "tickets"`);
    await queryRunner.query(`DROP FUNCTION "realtime_sales_notify"()`);
    await queryRunner.query(`DROP FUNCTION "realtime_messages_notify"()`);
    await queryRunner.query(`DROP FUNCTION "realtime_tickets_notify"()`);
    await queryRunner.query(`DROP FUNCTION "realtime_notify"(uuid, text, json)`);
    await queryRunner.query(`DROP FUNCTION "realtime_iso"(timestamptz)`);
    await queryRunner.query(`DROP SEQUENCE "realtime_event_id_seq"`);
  }
}
