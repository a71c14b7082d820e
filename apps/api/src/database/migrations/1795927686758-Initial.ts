import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795927686758 implements MigrationInterface {
  name = 'Initial1795927686758';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organizations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(120) NOT NULL, "timezone" character varying(64) NOT NULL DEFAULT 'America/Sao_Paulo', "currency" character(3) NOT NULL DEFAULT 'BRL', CONSTRAINT "PK_6b031fcd0863e3f6b44230163f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "prefix" character varying(16) NOT NULL, "key_hash" character(64) NOT NULL, "created_by_user_id" uuid, "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_751e3663c1005cb4ccc93d475c3" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a283bdef18876e525aefaec042" ON "api_keys" ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_api_keys_key_hash" ON "api_keys" ("key_hash") `);
    await queryRunner.query(
      `CREATE TABLE "leads" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "name" character varying(160), "phone" character varying(20), "phone_key" character varying(20), "email" character varying(254), CONSTRAINT "UQ_e5f67732980b0d5e18dd6269010" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_cd102ed7a9a4ca7d4d8bfeba406" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3e1b3f24e7d9a8d07c586ace1b" ON "leads" ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_leads_org_email" ON "leads" ("organization_id", "email") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_leads_org_phone_key" ON "leads" ("organization_id", "phone_key") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_leads_org_phone" ON "leads" ("organization_id", "phone") `);
    await queryRunner.query(
      `CREATE TABLE "whatsapp_instances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "phone_number" character varying(20) NOT NULL, "provider" character varying(16) NOT NULL, "provider_phone_number_id" character varying(64), "provider_business_account_id" character varying(64), CONSTRAINT "UQ_4d86bc99793e5a60721ac774de9" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_whatsapp_instances_provider" CHECK (provider IN ('cloud_api', 'evolution')), CONSTRAINT "PK_d3b9435ee5b272bd0a1d47801e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b1f336df385f00742642577b81" ON "whatsapp_instances" ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "whatsapp_conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "lead_id" uuid NOT NULL, "instance_id" uuid NOT NULL, "last_message_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_e775342277d7c79b951ff76982b" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_2332059ecc247e8ae7931783c94" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2282cc2af20272d6e5d3b4699d" ON "whatsapp_conversations" ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_whatsapp_conversations_org_instance" ON "whatsapp_conversations" ("organization_id", "instance_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_whatsapp_conversations_org_lead_instance" ON "whatsapp_conversations" ("organization_id", "lead_id", "instance_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_stages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "name" character varying(60) NOT NULL, "color" character(7) NOT NULL, "position" integer NOT NULL, "is_closed" boolean NOT NULL DEFAULT false, CONSTRAINT "UQ_813cf9290edb92e7200cfd86a2c" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_a1faa0d64e8d53484b72248c529" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_8837705efea9042bd648c31690" ON "ticket_stages" ("organization_id") `);
    // Stage names are unique per organization regardless of case (an expression index TypeORM cannot describe).
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_ticket_stages_org_lower_name" ON "ticket_stages" ("organization_id", lower("name"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_stages_org_position" ON "ticket_stages" ("organization_id", "position") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "name" character varying(120) NOT NULL, "email" character varying(254) NOT NULL, "password_hash" character varying(255) NOT NULL, "role" character varying(16) NOT NULL, CONSTRAINT "UQ_d44e049baf1987168ad1b16c945" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_users_role" CHECK (role IN ('owner', 'admin', 'agent')), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_21a659804ed7bf61eb91688dea" ON "users" ("organization_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_users_email" ON "users" ("email") `);
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "lead_id" uuid NOT NULL, "stage_id" uuid NOT NULL, "assignee_id" uuid, "assignee_name" character varying(120), "deal_value" numeric(14,2) NOT NULL DEFAULT '0', "creator_type" character varying(8) NOT NULL, "source_type" character varying(8) NOT NULL, "status" character varying(8) NOT NULL DEFAULT 'open', "closed_at" TIMESTAMP WITH TIME ZONE, "messages_count" integer NOT NULL DEFAULT '0', "sales_count" integer NOT NULL DEFAULT '0', "sales_total" numeric(14,2) NOT NULL DEFAULT '0', CONSTRAINT "UQ_94504e3f8ea90be0d5292353b82" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_tickets_deal_value" CHECK (deal_value >= 0), CONSTRAINT "CHK_tickets_status" CHECK (status IN ('open', 'closed')), CONSTRAINT "CHK_tickets_source_type" CHECK (source_type IN ('paid', 'organic')), CONSTRAINT "CHK_tickets_creator_type" CHECK (creator_type IN ('USER', 'SYSTEM')), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_613ef43a793c628ad7b22981f3" ON "tickets" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_tickets_org_assignee" ON "tickets" ("organization_id", "assignee_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_tickets_org_lead" ON "tickets" ("organization_id", "lead_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_tickets_org_conversation" ON "tickets" ("organization_id", "conversation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_tickets_org_stage" ON "tickets" ("organization_id", "stage_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_tickets_org_created" ON "tickets" ("organization_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "whatsapp_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "conversation_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "instance_id" uuid NOT NULL, "provider_message_id" character varying(128), "direction" character varying(3) NOT NULL, "type" character varying(32) NOT NULL, "body" text, "status" character varying(16), "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "raw" jsonb, CONSTRAINT "UQ_b71768f6128c4b44873983452f4" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_whatsapp_messages_direction" CHECK (direction IN ('in', 'out')), CONSTRAINT "PK_807bc612c6b98de7645a99805ca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_37860569c4fa2f208f0f4cc530" ON "whatsapp_messages" ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_whatsapp_messages_org_ticket" ON "whatsapp_messages" ("organization_id", "ticket_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_whatsapp_messages_org_conversation_sent" ON "whatsapp_messages" ("organization_id", "conversation_id", "sent_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_whatsapp_messages_instance_provider_id" ON "whatsapp_messages" ("organization_id", "instance_id", "provider_message_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sales" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "value" numeric(14,2) NOT NULL, "description" character varying(500), "sold_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by_user_id" uuid, CONSTRAINT "UQ_a6dfeb56f9e444f1a97dcf5a878" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_sales_value" CHECK (value > 0), CONSTRAINT "PK_4f0bc990ae81dba46da680895ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9a408600b4d9cee04c2f831fa3" ON "sales" ("organization_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_sales_org_sold_at" ON "sales" ("organization_id", "sold_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_sales_org_ticket" ON "sales" ("organization_id", "ticket_id") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "actor_type" character varying(8) NOT NULL, "actor_id" uuid, "actor_name" character varying(120), "before" jsonb, "after" jsonb, CONSTRAINT "UQ_c067671a2b16ecc93b4305503d8" UNIQUE ("organization_id", "id"), CONSTRAINT "CHK_ticket_events_actor_type" CHECK (actor_type IN ('user', 'api_key', 'system')), CONSTRAINT "PK_d61d07653b492eca67f9bad8ec2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9f8598b826f7f708813c45ac4d" ON "ticket_events" ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_events_org_ticket_created" ON "ticket_events" ("organization_id", "ticket_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ad_platforms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "key" character varying(40) NOT NULL, "name" character varying(80) NOT NULL, CONSTRAINT "PK_12c2fd19e3e347324c88e7d73e7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_ad_platforms_key" ON "ad_platforms" ("key") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_trackings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "utm_source" character varying(255), "utm_medium" character varying(255), "utm_campaign" character varying(255), "utm_term" character varying(255), "utm_content" character varying(255), "ad_platform_id" uuid, "ad_id" character varying(255), "source_url" text, CONSTRAINT "UQ_fc8f51d07632ed92220f14f7086" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_339b9c77b466cd7e29259b441b2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2d9947b03b0a0a2dc5a8b823c9" ON "ticket_trackings" ("organization_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_trackings_org_utm_campaign" ON "ticket_trackings" ("organization_id", "utm_campaign") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_trackings_org_utm_source" ON "ticket_trackings" ("organization_id", "utm_source") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_ticket_trackings_org_ticket" ON "ticket_trackings" ("organization_id", "ticket_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "tracking_identifier_types" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "key" character varying(40) NOT NULL, "name" character varying(80) NOT NULL, "ad_platform_id" uuid NOT NULL, CONSTRAINT "PK_f43f9a3f7d81d0ede39e6a11afb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_tracking_identifier_types_key" ON "tracking_identifier_types" ("key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_tracking_identifiers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "tracking_id" uuid NOT NULL, "identifier_type_id" uuid NOT NULL, "value" character varying(512) NOT NULL, CONSTRAINT "UQ_890bdde76e967381269cff46365" UNIQUE ("organization_id", "id"), CONSTRAINT "PK_62597f7c01bb41e79adb61a5f06" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1f04e330cb546c7b5ed3bdb4d5" ON "ticket_tracking_identifiers" ("organization_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ticket_tracking_identifiers_org_type_value" ON "ticket_tracking_identifiers" ("organization_id", "identifier_type_id", "value") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_ticket_tracking_identifiers_tracking_type" ON "ticket_tracking_identifiers" ("organization_id", "tracking_id", "identifier_type_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_a283bdef18876e525aefaec042f" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "leads" ADD CONSTRAINT "FK_3e1b3f24e7d9a8d07c586ace1b2" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_instances" ADD CONSTRAINT "FK_b1f336df385f00742642577b812" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_conversations" ADD CONSTRAINT "FK_2282cc2af20272d6e5d3b4699d6" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_conversations" ADD CONSTRAINT "FK_001b7984767c25ccf4da518c940" FOREIGN KEY ("organization_id", "lead_id") REFERENCES "leads"("organization_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_conversations" ADD CONSTRAINT "FK_fbc890818fa74a0e6db5d64e1d9" FOREIGN KEY ("organization_id", "instance_id") REFERENCES "whatsapp_instances"("organization_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_stages" ADD CONSTRAINT "FK_8837705efea9042bd648c316907" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_21a659804ed7bf61eb91688dea7" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_613ef43a793c628ad7b22981f33" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_75354f61f0018a6eb459a2dfe19" FOREIGN KEY ("organization_id", "conversation_id") REFERENCES "whatsapp_conversations"("organization_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_d74c4b6ce91ef2b90f60811affb" FOREIGN KEY ("organization_id", "lead_id") REFERENCES "leads"("organization_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_e350774542eb0f5a17f93bd9861" FOREIGN KEY ("organization_id", "stage_id") REFERENCES "ticket_stages"("organization_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_messages" ADD CONSTRAINT "FK_37860569c4fa2f208f0f4cc5307" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_messages" ADD CONSTRAINT "FK_2e305bedc2677a5559addb4d934" FOREIGN KEY ("organization_id", "conversation_id") REFERENCES "whatsapp_conversations"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_messages" ADD CONSTRAINT "FK_52def03554bf14804bd305c15ca" FOREIGN KEY ("organization_id", "ticket_id") REFERENCES "tickets"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "whatsapp_messages" ADD CONSTRAINT "FK_c8eb2040c063e47ad96acd22337" FOREIGN KEY ("organization_id", "instance_id") REFERENCES "whatsapp_instances"("organization_id","id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sales" ADD CONSTRAINT "FK_9a408600b4d9cee04c2f831fa3c" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sales" ADD CONSTRAINT "FK_6cfbf5c4537f4ba4e446805bf58" FOREIGN KEY ("organization_id", "ticket_id") REFERENCES "tickets"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_events" ADD CONSTRAINT "FK_9f8598b826f7f708813c45ac4d4" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_events" ADD CONSTRAINT "FK_5a3f883dcddb9b7c2b31415b511" FOREIGN KEY ("organization_id", "ticket_id") REFERENCES "tickets"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_trackings" ADD CONSTRAINT "FK_2d9947b03b0a0a2dc5a8b823c9b" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_trackings" ADD CONSTRAINT "FK_0549d43847d9829ca4f70176706" FOREIGN KEY ("organization_id", "ticket_id") REFERENCES "tickets"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_trackings" ADD CONSTRAINT "FK_21e478855865295844d594dcf31" FOREIGN KEY ("ad_platform_id") REFERENCES "ad_platforms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tracking_identifier_types" ADD CONSTRAINT "FK_ac9d0bffd4fbfed7cc49f6ee29d" FOREIGN KEY ("ad_platform_id") REFERENCES "ad_platforms"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_tracking_identifiers" ADD CONSTRAINT "FK_1f04e330cb546c7b5ed3bdb4d5b" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_tracking_identifiers" ADD CONSTRAINT "FK_fb2e89d16c659e150ca2ba02ae1" FOREIGN KEY ("organization_id", "tracking_id") REFERENCES "ticket_trackings"("organization_id","id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_tracking_identifiers" ADD CONSTRAINT "FK_a24c1e89d6a7e0a61e94176accc" FOREIGN KEY ("identifier_type_id") REFERENCES "tracking_identifier_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."UQ_ticket_stages_org_lower_name"`);
    await queryRunner.query(
      `ALTER TABLE "ticket_tracking_identifiers" DROP CONSTRAINT "FK_a24c1e89d6a7e0a61e94176accc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_tracking_identifiers" DROP CONSTRAINT "FK_fb2e89d16c659e150ca2ba02ae1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_tracking_identifiers" DROP CONSTRAINT "FK_1f04e330cb546c7b5ed3bdb4d5b"`,
    );
    await queryRunner.query(`ALTER TABLE "tracking_identifier_types" DROP CONSTRAINT "FK_ac9d0bffd4fbfed7cc49f6ee29d"`);
    await queryRunner.query(`ALTER TABLE "ticket_trackings" DROP CONSTRAINT "FK_21e478855865295844d594dcf31"`);
    await queryRunner.query(`ALTER TABLE "ticket_trackings" DROP CONSTRAINT "FK_0549d43847d9829ca4f70176706"`);
    await queryRunner.query(`ALTER TABLE "ticket_trackings" DROP CONSTRAINT "FK_2d9947b03b0a0a2dc5a8b823c9b"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" DROP CONSTRAINT "FK_5a3f883dcddb9b7c2b31415b511"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" DROP CONSTRAINT "FK_9f8598b826f7f708813c45ac4d4"`);
    await queryRunner.query(`ALTER TABLE "sales" DROP CONSTRAINT "FK_6cfbf5c4537f4ba4e446805bf58"`);
    await queryRunner.query(`ALTER TABLE "sales" DROP CONSTRAINT "FK_9a408600b4d9cee04c2f831fa3c"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP CONSTRAINT "FK_c8eb2040c063e47ad96acd22337"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP CONSTRAINT "FK_52def03554bf14804bd305c15ca"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP CONSTRAINT "FK_2e305bedc2677a5559addb4d934"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_messages" DROP CONSTRAINT "FK_37860569c4fa2f208f0f4cc5307"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_dff6e2b44c9b5e177114588772f"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_e350774542eb0f5a17f93bd9861"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_d74c4b6ce91ef2b90f60811affb"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_75354f61f0018a6eb459a2dfe19"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_613ef43a793c628ad7b22981f33"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_21a659804ed7bf61eb91688dea7"`);
    await queryRunner.query(`ALTER TABLE "ticket_stages" DROP CONSTRAINT "FK_8837705efea9042bd648c316907"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_conversations" DROP CONSTRAINT "FK_fbc890818fa74a0e6db5d64e1d9"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_conversations" DROP CONSTRAINT "FK_001b7984767c25ccf4da518c940"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_conversations" DROP CONSTRAINT "FK_2282cc2af20272d6e5d3b4699d6"`);
    await queryRunner.query(`ALTER TABLE "whatsapp_instances" DROP CONSTRAINT "FK_b1f336df385f00742642577b812"`);
    await queryRunner.query(`ALTER TABLE "leads" DROP CONSTRAINT "FK_3e1b3f24e7d9a8d07c586ace1b2"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_a283bdef18876e525aefaec042f"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_ticket_tracking_identifiers_tracking_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ticket_tracking_identifiers_org_type_value"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1f04e330cb546c7b5ed3bdb4d5"`);
    await queryRunner.query(`DROP TABLE "ticket_tracking_identifiers"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_tracking_identifier_types_key"`);
    await queryRunner.query(`DROP TABLE "tracking_identifier_types"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_ticket_trackings_org_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ticket_trackings_org_utm_source"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ticket_trackings_org_utm_campaign"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d9947b03b0a0a2dc5a8b823c9"`);
    await queryRunner.query(`DROP TABLE "ticket_trackings"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_ad_platforms_key"`);
    await queryRunner.query(`DROP TABLE "ad_platforms"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ticket_events_org_ticket_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9f8598b826f7f708813c45ac4d"`);
    await queryRunner.query(`DROP TABLE "ticket_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sales_org_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sales_org_sold_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9a408600b4d9cee04c2f831fa3"`);
    await queryRunner.query(`DROP TABLE "sales"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_whatsapp_messages_instance_provider_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_whatsapp_messages_org_conversation_sent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_whatsapp_messages_org_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_37860569c4fa2f208f0f4cc530"`);
    await queryRunner.query(`DROP TABLE "whatsapp_messages"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_stage"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_conversation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_lead"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_tickets_org_assignee"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_613ef43a793c628ad7b22981f3"`);
    await queryRunner.query(`DROP TABLE "tickets"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_users_email"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_21a659804ed7bf61eb91688dea"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ticket_stages_org_position"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8837705efea9042bd648c31690"`);
    await queryRunner.query(`DROP TABLE "ticket_stages"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_whatsapp_conversations_org_lead_instance"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_whatsapp_conversations_org_instance"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2282cc2af20272d6e5d3b4699d"`);
    await queryRunner.query(`DROP TABLE "whatsapp_conversations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b1f336df385f00742642577b81"`);
    await queryRunner.query(`DROP TABLE "whatsapp_instances"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_leads_org_phone"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_leads_org_phone_key"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_leads_org_email"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3e1b3f24e7d9a8d07c586ace1b"`);
    await queryRunner.query(`DROP TABLE "leads"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_api_keys_key_hash"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a283bdef18876e525aefaec042"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TABLE "organizations"`);
  }
}
