import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks: subscriptions, and their deliveries (the webhooks worker's queue). Row triggers on tickets,
 * whatsapp_messages and sales queue a delivery for each active subscription of the event in the transaction of the
 * write itself, so an event is queued exactly when its change commits, whichever code path made it, and none is lost
 * if the process dies right after the commit. The body is fixed here: `{ id, type, createdAt, organizationId, data }`.
 * An organization without subscriptions pays one index probe of webhook_subscriptions per row written.
 */
const ENQUEUE_FUNCTION = `CREATE FUNCTION "webhook_enqueue"(org uuid, event_type text, data json) RETURNS void
  LANGUAGE plpgsql AS $$
  DECLARE
    event_id uuid;
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM webhook_subscriptions s
                   WHERE s.organization_id = org AND s.active AND event_type = ANY(s.events)) THEN
      RETURN;
    END IF;
    event_id := uuid_v7();
    INSERT INTO webhook_deliveries (organization_id, subscription_id, event_id, event_type, payload)
    SELECT s.organization_id, s.id, event_id, event_type, json_build_object(
      'id', event_id, 'type', event_type, 'createdAt', realtime_iso(now()), 'organizationId', org, 'data', data)
    FROM webhook_subscriptions s
    WHERE s.organization_id = org AND s.active AND event_type = ANY(s.events);
  END $$`;

/** A ticket as GET /tickets/:id names its fields. */
const TICKET_DATA = `json_build_object(
      'ticketId', NEW.id, 'leadId', NEW.lead_id, 'conversationId', NEW.conversation_id, 'stageId', NEW.stage_id,
      'assigneeId', NEW.assignee_id, 'status', NEW.status, 'dealValue', NEW.deal_value,
      'closedAt', realtime_iso(NEW.closed_at), 'createdAt', realtime_iso(NEW.created_at),
      'updatedAt', realtime_iso(NEW.updated_at))`;

/** What a third party sees change on a ticket (not its counters or last-message preview, which follow messages). */
const TICKET_FIELDS = ['stage_id', 'assignee_id', 'deal_value', 'status', 'closed_at'];
const tuple = (row: string) => `(${TICKET_FIELDS.map((f) => `${row}.${f}`).join(', ')})`;

const TICKETS_FUNCTION = `CREATE FUNCTION "webhook_tickets_enqueue"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      PERFORM webhook_enqueue(NEW.organization_id, 'ticket.created', ${TICKET_DATA});
      RETURN NULL;
    END IF;
    IF OLD.stage_id IS DISTINCT FROM NEW.stage_id THEN
      PERFORM webhook_enqueue(NEW.organization_id, 'ticket.stage_changed', json_build_object(
        'ticketId', NEW.id, 'previousStageId', OLD.stage_id, 'stageId', NEW.stage_id, 'status', NEW.status,
        'changedAt', realtime_iso(NEW.updated_at)));
    END IF;
    IF ${tuple('OLD')} IS DISTINCT FROM ${tuple('NEW')} THEN
      PERFORM webhook_enqueue(NEW.organization_id, 'ticket.updated', ${TICKET_DATA});
    END IF;
    RETURN NULL;
  END $$`;

/** A message as GET /conversations/:id/messages names its fields. */
const MESSAGE_DATA = `json_build_object(
      'messageId', NEW.id, 'ticketId', NEW.ticket_id, 'conversationId', NEW.conversation_id,
      'instanceId', NEW.instance_id, 'direction', NEW.direction, 'type', NEW.type, 'body', NEW.body,
      'status', NEW.status, 'sentAt', realtime_iso(NEW.sent_at), 'createdAt', realtime_iso(NEW.created_at))`;

/**
 * message.received: an inbound message is stored. message.sent: an outbound one is accepted by the provider (its
 * status leaves pending, or it was stored already sent, as a reply typed on the phone is), once.
 */
const MESSAGES_FUNCTION = `CREATE FUNCTION "webhook_messages_enqueue"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.direction = 'in' THEN
      IF TG_OP = 'INSERT' THEN
        PERFORM webhook_enqueue(NEW.organization_id, 'message.received', ${MESSAGE_DATA});
      END IF;
    ELSIF NEW.status IN ('sent', 'delivered', 'read', 'played')
          AND (TG_OP = 'INSERT' OR OLD.status IS NULL OR OLD.status IN ('pending', 'failed')) THEN
      PERFORM webhook_enqueue(NEW.organization_id, 'message.sent', ${MESSAGE_DATA});
    END IF;
    RETURN NULL;
  END $$`;

const SALES_FUNCTION = `CREATE FUNCTION "webhook_sales_enqueue"() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM webhook_enqueue(NEW.organization_id, 'sale.created', json_build_object(
      'saleId', NEW.id, 'ticketId', NEW.ticket_id, 'value', NEW.value, 'description', NEW.description,
      'soldAt', realtime_iso(NEW.sold_at), 'createdAt', realtime_iso(NEW.created_at)));
    RETURN NULL;
  END $$`;

export class Webhooks1796420000000 implements MigrationInterface {
  name = 'Webhooks1796420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook_subscriptions" ("id" uuid NOT NULL DEFAULT uuid_v7(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "url" character varying(2048) NOT NULL, "events" text array NOT NULL, "active" boolean NOT NULL DEFAULT true, "secret_encrypted" text NOT NULL, CONSTRAINT "UQ_4cfb59eb74e41c7a969fdcce4e7" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_bf631ae77d39849d599817fb6f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT uuid_v7(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "subscription_id" uuid NOT NULL, "event_id" uuid NOT NULL, "event_type" character varying(32) NOT NULL, "payload" json NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" text, "last_status_code" integer, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "attempt_log" jsonb NOT NULL DEFAULT '[]', CONSTRAINT "UQ_24cb0452b7280b0c67c232ba3bf" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_webhook_deliveries_status" CHECK (status IN ('pending', 'delivered', 'failed', 'canceled')), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_subscription" ON "webhook_deliveries" ("organization_id", "subscription_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webhook_deliveries_due" ON "webhook_deliveries" ("next_attempt_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_subscriptions" ADD CONSTRAINT "FK_9428849927949b5f0d697cac657" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_f9942da65d9e85fbd78e1a9bfc1" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_c0dabd777c4ffbc1c076ef5182b" FOREIGN KEY ("organization_id", "subscription_id") REFERENCES "webhook_subscriptions"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(ENQUEUE_FUNCTION);
    await queryRunner.query(TICKETS_FUNCTION);
    await queryRunner.query(MESSAGES_FUNCTION);
    await queryRunner.query(SALES_FUNCTION);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_tickets_webhooks" AFTER INSERT OR UPDATE ON "tickets"
       FOR EACH ROW EXECUTE FUNCTION webhook_tickets_enqueue()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_whatsapp_messages_webhooks" AFTER INSERT OR UPDATE ON "whatsapp_messages"
       FOR EACH ROW EXECUTE FUNCTION webhook_messages_enqueue()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_sales_webhooks" AFTER INSERT ON "sales" FOR EACH ROW EXECUTE FUNCTION webhook_sales_enqueue()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_sales_webhooks" ON "sales"`);
    await queryRunner.query(`DROP TRIGGER "TRG_whatsapp_messages_webhooks" ON "whatsapp_messages"`);
    await queryRunner.query(`DROP TRIGGER "TRG_tickets_webhooks" ON "tickets"`);
    await queryRunner.query(`DROP FUNCTION "webhook_sales_enqueue"()`);
    await queryRunner.query(`DROP FUNCTION "webhook_messages_enqueue"()`);
    await queryRunner.query(`DROP FUNCTION "webhook_tickets_enqueue"()`);
    await queryRunner.query(`DROP FUNCTION "webhook_enqueue"(uuid, text, json)`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_c0dabd777c4ffbc1c076ef5182b"`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_f9942da65d9e85fbd78e1a9bfc1"`);
    await queryRunner.query(`ALTER TABLE "webhook_subscriptions" DROP CONSTRAINT "FK_9428849927949b5f0d697cac657"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_deliveries_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webhook_deliveries_subscription"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_subscriptions"`);
  }
}
