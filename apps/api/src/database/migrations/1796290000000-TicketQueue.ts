import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one line a list shows for a message: its `body` summary on one line, cut to 140 characters; media get a pt-BR
 * label ("📷 Foto"), or their icon before the caption ("📷 " + caption). The label map is this one CASE.
 */
const PREVIEW_FUNCTION = `CREATE FUNCTION "whatsapp_message_preview"(msg_type varchar, body text) RETURNS varchar
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT left(CASE WHEN label IS NULL THEN text
                     WHEN text IS NULL THEN concat_ws(' ', label[1], label[2])
                     ELSE concat_ws(' ', label[1], text) END, 140)
    FROM (SELECT NULLIF(btrim(regexp_replace(body, '\\s+', ' ', 'g')), '') AS text,
                 CASE msg_type
                   WHEN 'image' THEN ARRAY['📷', 'Foto']
                   WHEN 'audio' THEN ARRAY['🎤', 'Áudio']
                   WHEN 'video' THEN ARRAY['🎥', 'Vídeo']
                   WHEN 'document' THEN ARRAY['📄', 'Documento']
                   WHEN 'sticker' THEN ARRAY[NULL, 'Figurinha']
                   WHEN 'location' THEN ARRAY['📍', 'Localização']
                   WHEN 'contacts' THEN ARRAY['👤', 'Contato']
                   WHEN 'unsupported' THEN ARRAY['⚠️', 'Mensagem não suportada']
                   WHEN 'unknown' THEN ARRAY['⚠️', 'Mensagem não suportada']
                 END AS label) AS m
  $$`;

/** The oldest inbound (non-system) message of ticket (org, id) after its newest outbound one: what waits. */
function waitingSince(org: string, ticket: string): string {
  return `(SELECT min(w.sent_at) FROM whatsapp_messages w
           WHERE w.organization_id = ${org} AND w.ticket_id = ${ticket} AND w.direction = 'in' AND w.type <> 'system'
             AND w.sent_at > COALESCE((SELECT max(o.sent_at) FROM whatsapp_messages o
                                       WHERE o.organization_id = ${org} AND o.ticket_id = ${ticket}
                                         AND o.direction = 'out'), '-infinity'))`;
}

/** The message trigger's body as Replies left it (counts, updated_at, first_response_at) when `withQueue` is false. */
function countOnTicket(withQueue: boolean): string {
  const removed = withQueue
    ? `,
            unread_count = CASE WHEN OLD.direction = 'in' AND OLD.type <> 'system' AND unread_count > 0
                                 AND (last_read_at IS NULL OR OLD.created_at > last_read_at)
                                THEN unread_count - 1 ELSE unread_count END,
            (last_message_at, last_message_preview, last_message_type, last_message_direction) =
              (SELECT l.sent_at, whatsapp_message_preview(l.type, l.body), l.type, l.direction
               FROM whatsapp_messages l
               WHERE l.organization_id = OLD.organization_id AND l.ticket_id = OLD.ticket_id AND l.type <> 'system'
               ORDER BY l.sent_at DESC, l.created_at DESC, l.id DESC LIMIT 1),
            waiting_since = ${waitingSince('OLD.organization_id', 'OLD.ticket_id')}`
    : '';
  // A message at or after the ticket's last one is its new last one; an older one (a late delivery) leaves the last
  // one and makes waiting_since recomputed from the ticket's messages (the rare path: one indexed read).
  const newer = `NEW.type <> 'system' AND (last_message_at IS NULL OR NEW.sent_at >= last_message_at)`;
  const added = withQueue
    ? `,
            unread_count = unread_count + CASE WHEN NEW.direction = 'in' AND NEW.type <> 'system' THEN 1 ELSE 0 END,
            waiting_since = CASE WHEN NEW.type = 'system' THEN waiting_since
                                 WHEN last_message_at IS NOT NULL AND NEW.sent_at < last_message_at
                                   THEN ${waitingSince('NEW.organization_id', 'NEW.ticket_id')}
                                 WHEN NEW.direction = 'out' THEN NULL
                                 ELSE COALESCE(waiting_since, NEW.sent_at) END,
            last_message_preview = CASE WHEN ${newer} THEN whatsapp_message_preview(NEW.type, NEW.body)
                                        ELSE last_message_preview END,
            last_message_type = CASE WHEN ${newer} THEN NEW.type ELSE last_message_type END,
            last_message_direction = CASE WHEN ${newer} THEN NEW.direction ELSE last_message_direction END,
            last_message_at = CASE WHEN ${newer} THEN NEW.sent_at ELSE last_message_at END`
    : '';
  return `CREATE OR REPLACE FUNCTION "whatsapp_messages_count_on_ticket"() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND NEW.organization_id IS NOT DISTINCT FROM OLD.organization_id
           AND NEW.ticket_id IS NOT DISTINCT FROM OLD.ticket_id THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          UPDATE tickets SET messages_count = messages_count - 1${removed}
          WHERE organization_id = OLD.organization_id AND id = OLD.ticket_id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          UPDATE tickets SET messages_count = messages_count + 1, updated_at = GREATEST(updated_at, NEW.created_at), first_response_at = CASE WHEN NEW.direction = 'out' AND first_response_at IS NULL
                                  THEN NEW.sent_at ELSE first_response_at END${added}
          WHERE organization_id = NEW.organization_id AND id = NEW.ticket_id;
        END IF;
        RETURN NULL;
      END
      $$`;
}

/**
 * The queue an agent works from (issue #14): each ticket's last message (time, one-line preview, type, direction),
 * how many inbound messages arrived since the team last read it, and since when the lead waits for an answer (the
 * oldest inbound message after the last outbound one). Kept by the message trigger, so every path (webhook
 * ingestion, replies, Cloud API echoes, Evolution fromMe) counts once. WhatsApp's system notices (number changed...)
 * are neither unread nor waiting and do not become the last message. Backfilled from the stored messages: with no
 * read history, the inbound messages after the last outbound one count as unread.
 *
 * The sorts order by COALESCE(column, ±infinity), id (expression indexes): never null, so a page start (value, id)
 * is a plain row comparison seek, and tickets without messages (not waiting) come last.
 */
export class TicketQueue1796290000000 implements MigrationInterface {
  name = 'TicketQueue1796290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tickets" ADD "last_message_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "last_message_preview" character varying(140)`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "last_message_type" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "last_message_direction" character varying(3)`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "unread_count" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "waiting_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "last_read_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "CHK_tickets_last_message_direction" CHECK (last_message_direction IN ('in', 'out'))`,
    );
    await queryRunner.query(PREVIEW_FUNCTION);
    await queryRunner.query(
      `UPDATE tickets t SET last_message_at = l.sent_at, last_message_preview = whatsapp_message_preview(l.type, l.body),
         last_message_type = l.type, last_message_direction = l.direction
       FROM (SELECT DISTINCT ON (organization_id, ticket_id) organization_id, ticket_id, sent_at, type, body, direction
             FROM whatsapp_messages WHERE type <> 'system'
             ORDER BY organization_id, ticket_id, sent_at DESC, created_at DESC, id DESC) l
       WHERE t.organization_id = l.organization_id AND t.id = l.ticket_id`,
    );
    await queryRunner.query(
      `UPDATE tickets t SET waiting_since = w.since, unread_count = w.n
       FROM (SELECT m.organization_id, m.ticket_id, min(m.sent_at) AS since, count(*)::int AS n
             FROM whatsapp_messages m
             LEFT JOIN (SELECT organization_id, ticket_id, max(sent_at) AS at FROM whatsapp_messages
                        WHERE direction = 'out' GROUP BY organization_id, ticket_id) o
               ON o.organization_id = m.organization_id AND o.ticket_id = m.ticket_id
             WHERE m.direction = 'in' AND m.type <> 'system' AND m.sent_at > COALESCE(o.at, '-infinity')
             GROUP BY m.organization_id, m.ticket_id) w
       WHERE t.organization_id = w.organization_id AND t.id = w.ticket_id`,
    );
    await queryRunner.query(countOnTicket(true));
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_org_last_message" ON "tickets" ("organization_id", (COALESCE(last_message_at, '-infinity'::timestamptz)), "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_org_waiting" ON "tickets" ("organization_id", (COALESCE(waiting_since, 'infinity'::timestamptz)), "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_org_unread" ON "tickets" ("organization_id", "id") WHERE unread_count > 0`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_org_open_queue" ON "tickets" ("organization_id", "assignee_id", "waiting_since", "unread_count") WHERE status = 'open'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_open_queue"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_unread"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_waiting"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_last_message"`);
    await queryRunner.query(countOnTicket(false));
    await queryRunner.query(`DROP FUNCTION "whatsapp_message_preview"(varchar, text)`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "CHK_tickets_last_message_direction"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "last_read_at"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "waiting_since"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "unread_count"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "last_message_direction"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "last_message_type"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "last_message_preview"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "last_message_at"`);
  }
}
