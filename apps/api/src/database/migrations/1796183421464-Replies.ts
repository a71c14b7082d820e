import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The message trigger's body: counts (MessageCounters), plus tickets.first_response_at when `withFirstResponse`. */
function countOnTicket(withFirstResponse: boolean): string {
  const firstResponse = withFirstResponse
    ? `, first_response_at = CASE WHEN NEW.direction = 'out' AND first_response_at IS NULL
                                  THEN NEW.sent_at ELSE first_response_at END`
    : '';
  return `CREATE OR REPLACE FUNCTION "whatsapp_messages_count_on_ticket"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.organization_id IS NOT DISTINCT FROM OLD.organization_id
           AND NEW.ticket_id IS NOT DISTINCT FROM OLD.ticket_id THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE tickets SET messages_count = messages_count - 1
          WHERE organization_id = OLD.organization_id AND id = OLD.ticket_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE tickets SET messages_count = messages_count + 1, updated_at = GREATEST(updated_at, NEW.created_at)${firstResponse}
          WHERE organization_id = NEW.organization_id AND id = NEW.ticket_id;
        END IF;
        RETURN NULL;
      END
      $$`;
}

/**
 * Two-way WhatsApp (issue #12): the replies outbox, statuses that arrive before their message's provider id is
 * known, who sent a reply and why it failed, the Idempotency-Key of a POST, the conversation's last inbound message
 * (the Cloud API's 24-hour window) and the ticket's first response. The ticket row's trigger now also keeps
 * first_response_at, so an outbound message from any path (reply, Evolution fromMe, Cloud API echo) counts once.
 */
export class Replies1796183421464 implements MigrationInterface {
  name = 'Replies1796183421464';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "whatsapp_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "message_id" uuid NOT NULL, "payload" jsonb NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "lease_until" TIMESTAMP WITH TIME ZONE, "last_error" text, CONSTRAINT "UQ_8cfa56d25b910675e3a1f732157" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_whatsapp_outbox_status" CHECK (status IN ('pending', 'sent', 'failed')), CONSTRAINT "PK_ab1e0aeccc8ba3ce804217c2503" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cac442f69a50332d9480c1e36d" ON "whatsapp_outbox" ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_whatsapp_outbox_due" ON "whatsapp_outbox" ("next_attempt_at") WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_whatsapp_outbox_org_message" ON "whatsapp_outbox" ("organization_id", "message_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "whatsapp_status_orphans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "instance_id" uuid NOT NULL, "provider_message_id" character varying(128) NOT NULL, "status" character varying(16) NOT NULL, "error_code" character varying(32), "error_title" character varying(512), CONSTRAINT "UQ_fbdac5d44d6ee7851721d9ac5a1" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_d303a12cdbe357dcc7e7a698cb6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_51a7a453b7e1e4847e975fe0ce" ON "whatsapp_status_orphans" ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_whatsapp_status_orphans_message" ON "whatsapp_status_orphans" ("organization_id", "instance_id", "provider_message_id") `,
    );
    await queryRunner.query(`ALTER TABLE "whatsapp_conversations" ADD "last_inbound_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "first_response_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" ADD "sender_user_id" uuid`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" ADD "error_code" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" ADD "error_title" character varying(512)`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" ADD "idempotency_key" character varying(128)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_whatsapp_messages_org_idempotency_key" ON "whatsapp_messages" ("organization_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_messages" ADD CONSTRAINT "FK_22579018e5250666c12a6885a2c" FOREIGN KEY ("organization_id", "sender_user_id") REFERENCES "users"("organization_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_outbox" ADD CONSTRAINT "FK_cac442f69a50332d9480c1e36d9" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_outbox" ADD CONSTRAINT "FK_21b4d90eeeae6d1ae35d65dad0a" FOREIGN KEY ("organization_id", "message_id") REFERENCES "whatsapp_messages"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_status_orphans" ADD CONSTRAINT "FK_51a7a453b7e1e4847e975fe0cee" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_status_orphans" ADD CONSTRAINT "FK_7e4760b5d6d61f5a1efc49b1ca0" FOREIGN KEY ("organization_id", "instance_id") REFERENCES "whatsapp_instances"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `UPDATE whatsapp_conversations c SET last_inbound_at = m.at
       FROM (SELECT organization_id, conversation_id, max(sent_at) AS at FROM whatsapp_messages
             WHERE direction = 'in' GROUP BY organization_id, conversation_id) m
       WHERE c.organization_id = m.organization_id AND c.id = m.conversation_id`,
    );
    await queryRunner.query(
      `UPDATE tickets t SET first_response_at = m.at
       FROM (SELECT organization_id, ticket_id, min(sent_at) AS at FROM whatsapp_messages
             WHERE direction = 'out' GROUP BY organization_id, ticket_id) m
       WHERE t.organization_id = m.organization_id AND t.id = m.ticket_id`,
    );
    await queryRunner.query(countOnTicket(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(countOnTicket(false));
    await queryRunner.query(`ALTER TABLE "whatsapp_status_orphans" DROP CONSTRAINT "FK_7e4760b5d6d61f5a1efc49b1ca0"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_status_orphans" DROP CONSTRAINT "FK_51a7a453b7e1e4847e975fe0cee"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_outbox" DROP CONSTRAINT "FK_21b4d90eeeae6d1ae35d65dad0a"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_outbox" DROP CONSTRAINT "FK_cac442f69a50332d9480c1e36d9"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP CONSTRAINT "FK_22579018e5250666c12a6885a2c"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_whatsapp_messages_org_idempotency_key"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP COLUMN "idempotency_key"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP COLUMN "error_title"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP COLUMN "error_code"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP COLUMN "sender_user_id"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "first_response_at"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_conversations" DROP COLUMN "last_inbound_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_whatsapp_status_orphans_message"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51a7a453b7e1e4847e975fe0ce"`);
    await queryRunner.query(`DROP TABLE "whatsapp_status_orphans"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_whatsapp_outbox_org_message"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_whatsapp_outbox_due"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cac442f69a50332d9480c1e36d"`);
    await queryRunner.query(`DROP TABLE "whatsapp_outbox"`);
  }
}
